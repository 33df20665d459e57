import { SHOP_NAME } from '@/lib/config';
import { ROLE_LABELS } from '@/lib/team-types';
import type { StaffRole } from '@/lib/types';

import { getMailTransport, type MailMessage } from './mail/transport';

/** The mail with an invitation link: the invitee chooses their name and password there. */
export function invitationMessage({ email, inviterName, role, url, days }: { email: string; inviterName: string; role: StaffRole; url: string; days: number }): MailMessage {
  return {
    to: email,
    subject: `You are invited to the ${SHOP_NAME} dashboard`,
    text: [
      'Hello,',
      '',
      `${inviterName} invited you to the ${SHOP_NAME} staff dashboard as ${ROLE_LABELS[role].toLowerCase()}.`,
      'Open this link to choose your name and password:',
      url,
      '',
      `The link works for ${days} days and only once. If you did not expect this, ignore this email.`,
    ].join('\n'),
  };
}

/** The mail with a staff password reset link. */
export function staffPasswordResetMessage({ email, name, url }: { email: string; name: string; url: string }): MailMessage {
  return {
    to: email,
    subject: `Reset your ${SHOP_NAME} dashboard password`,
    text: [
      name ? `Hello ${name},` : 'Hello,',
      '',
      'Open this link to choose a new password for the staff dashboard:',
      url,
      '',
      'The link works for one hour and only once. Choosing a new password signs you out everywhere.',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export async function sendTeamMail(message: MailMessage): Promise<void> {
  await getMailTransport().sendMail(message);
}
