import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getSmsTransport } from './sms-transport';
import { getMailTransport } from './transport';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
  process.env.OUTBOX_DIR = dir;
});

afterEach(async () => {
  delete process.env.OUTBOX_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe('the default transports (no SMTP settings)', () => {
  it('writes an email as an .eml file named by time and message id', async () => {
    const { messageId } = await getMailTransport().sendMail({ to: 'ada@example.test', subject: 'Grüße', text: 'Hello Ada' });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-.+\.eml$/);
    expect(files[0]).toContain(messageId.replace(/^<|>$/g, ''));
    const eml = await readFile(path.join(dir, files[0]), 'utf8');
    expect(eml).toContain('To: ada@example.test');
    expect(eml).toContain(`Message-ID: ${messageId}`);
    expect(eml).toContain('Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=');
    expect(eml).toContain('Hello Ada');
  });

  it('writes a text message as a .txt file under sms/', async () => {
    await getSmsTransport().sendSms({ to: '+447911123456', text: 'Hi Ada' });
    const files = await readdir(path.join(dir, 'sms'));
    expect(files).toHaveLength(1);
    expect(await readFile(path.join(dir, 'sms', files[0]), 'utf8')).toMatch(/^To: \+447911123456\n[\s\S]*\n\nHi Ada\n$/);
  });
});
