import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import nodemailer, { type Transporter } from 'nodemailer';

import { SHOP_NAME } from '@/lib/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Sends one message and returns its Message-ID; throws when it could not be handed over. */
  sendMail(message: MailMessage): Promise<{ messageId: string }>;
}

// Scoped to data/outbox, so the bundler does not trace the whole project from a cwd-relative path.
const DEFAULT_OUTBOX_DIR = path.join(process.cwd(), 'data', 'outbox');

/** Where the local transports write: OUTBOX_DIR, or ./data/outbox. Read per call so tests can point it elsewhere. */
export function outboxDir(): string {
  return process.env.OUTBOX_DIR || DEFAULT_OUTBOX_DIR;
}

/** A file name that sorts by time and is unique per message: `<ISO time>-<message id>`, without path characters. */
export function outboxFileName(messageId: string, extension: string): string {
  const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_');
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.${extension}`;
}

function smtpOptions(): string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } | null {
  if (process.env.SMTP_URL) return process.env.SMTP_URL;
  if (!process.env.SMTP_HOST) return null;
  const port = Number(process.env.SMTP_PORT || 587);
  const user = process.env.SMTP_USER;
  return { host: process.env.SMTP_HOST, port, secure: port === 465, auth: user ? { user, pass: process.env.SMTP_PASSWORD ?? '' } : undefined };
}

function fromAddress(): string {
  return process.env.SMTP_FROM || `"${SHOP_NAME}" <no-reply@localhost>`;
}

// Kept per process: one SMTP transport reuses its connection settings; nodemailer builds it lazily.
const globalForMail = globalThis as unknown as { smtpTransport?: Transporter };

/**
 * The mail transport from the environment: SMTP when SMTP_URL or SMTP_HOST is set, otherwise a local transport that
 * writes each message as an .eml file into the outbox folder (no network).
 */
export function getMailTransport(): MailTransport {
  const smtp = smtpOptions();
  if (smtp) {
    globalForMail.smtpTransport ??= nodemailer.createTransport(smtp);
    const transport = globalForMail.smtpTransport;
    return {
      async sendMail(message) {
        const info = await transport.sendMail({ from: fromAddress(), ...message });
        return { messageId: info.messageId };
      },
    };
  }
  return outboxMailTransport(outboxDir());
}

/** Writes every message, fully formatted by nodemailer, as `<time>-<message id>.eml` under `dir`. */
export function outboxMailTransport(dir: string): MailTransport {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async sendMail(message) {
      const info = await transport.sendMail({ from: fromAddress(), ...message });
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, outboxFileName(info.messageId, 'eml')), info.message as Buffer);
      return { messageId: info.messageId };
    },
  };
}
