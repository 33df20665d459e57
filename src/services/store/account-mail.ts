import { getMailTransport, type MailMessage } from '../mail/transport';
import { SHOP_NAME } from '@/lib/config';

interface Recipient {
  email: string;
  firstName?: string | null;
}

function greeting(to: Recipient): string {
  return to.firstName ? `Hello ${to.firstName},` : 'Hello,';
}

export function verificationMessage(to: Recipient, url: string): MailMessage {
  return {
    to: to.email,
    subject: `Confirm your email for ${SHOP_NAME}`,
    text: [
      greeting(to),
      '',
      `Open this link to confirm your email and choose the password for your ${SHOP_NAME} account:`,
      url,
      '',
      'The link works for 24 hours. If you did not sign up, ignore this email: nothing happens without the link.',
    ].join('\n'),
  };
}

export function passwordResetMessage(to: Recipient, url: string): MailMessage {
  return {
    to: to.email,
    subject: `Reset your ${SHOP_NAME} password`,
    text: [
      greeting(to),
      '',
      'Open this link to choose a new password:',
      url,
      '',
      'The link works for one hour and only once. Choosing a new password signs you out everywhere.',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

/** Sent instead of a second verification when someone signs up with an email that already has an account. */
export function existingAccountMessage(to: Recipient, signInUrl: string, resetUrl: string): MailMessage {
  return {
    to: to.email,
    subject: `You already have a ${SHOP_NAME} account`,
    text: [
      greeting(to),
      '',
      'Someone, perhaps you, tried to sign up with this email, but it already has an account.',
      `Sign in: ${signInUrl}`,
      `Forgot your password? ${resetUrl}`,
      '',
      'If it was not you, ignore this email: your account is unchanged.',
    ].join('\n'),
  };
}

export async function sendAccountMail(message: MailMessage): Promise<void> {
  await getMailTransport().sendMail(message);
}
