/**
 * Signing secrets and signatures of the Standard Webhooks specification (standardwebhooks.com): a secret is `whsec_`
 * + base64 of random bytes, and a signature is `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed with those
 * bytes, so receivers verify with the published libraries.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

import { authSecret } from '../auth-secret';

export const SECRET_PREFIX = 'whsec_';

export function newSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The `webhook-signature` header: one signature per valid secret, space-separated (rotation keeps the old one a day). */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((secret) => sign(secret, id, timestamp, body)).join(' ');
}

// The secret must be usable to sign, so it is encrypted rather than hashed: AES-256-GCM with a key derived from the
// auth secret (BETTER_AUTH_SECRET), so a copy of the database alone does not give away the signing secrets.
let cachedKey: Buffer | undefined;
function encryptionKey(): Buffer {
  cachedKey ??= Buffer.from(hkdfSync('sha256', authSecret(), 'customers-module', 'webhook-signing-secrets', 32));
  return cachedKey;
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const encrypted = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), encrypted.toString('base64')].join(':');
}

export function decryptSecret(stored: string): string {
  const [, iv, tag, encrypted] = stored.split(':');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]).toString('utf8');
}
