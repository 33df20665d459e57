import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { outboxDir, outboxFileName } from './transport';

export interface SmsMessage {
  to: string;
  text: string;
}

export interface SmsTransport {
  sendSms(message: SmsMessage): Promise<{ messageId: string }>;
}

/**
 * There is no SMS provider yet: every text message is written as a .txt file under <outbox>/sms/ (OUTBOX_DIR or
 * ./data/outbox), so sending works end to end without network.
 */
export function getSmsTransport(): SmsTransport {
  return {
    async sendSms(message) {
      const messageId = `${crypto.randomUUID()}@sms.local`;
      const dir = path.join(outboxDir(), 'sms');
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, outboxFileName(messageId, 'txt')), `To: ${message.to}\nMessage-ID: <${messageId}>\n\n${message.text}\n`);
      return { messageId: `<${messageId}>` };
    },
  };
}
