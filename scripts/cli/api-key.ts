import { createApiKey, listApiKeys, revokeApiKey } from '@/services/api-keys';

import { formatTable, formatTime } from './output';
import { requireString, type CliCommand } from './types';

export const apiKeyCreate: CliCommand = {
  usage: 'api-key create --name <name> --role admin|staff',
  summary: 'Create an API key for an integration; the key is printed once.',
  options: { name: { type: 'string' }, role: { type: 'string' } },
  async run({ values, actor, print }) {
    const { key, apiKey } = await createApiKey({ actor, input: { name: requireString(values, 'name'), role: requireString(values, 'role') as 'admin' | 'staff' } });
    print(`Created API key "${apiKey.name}" (role ${apiKey.role}, id ${apiKey.id}).`);
    print();
    print(`  ${key}`);
    print();
    print('Copy it now: only its hash is stored, so it cannot be shown again.');
    print('Send it as "Authorization: Bearer <key>".');
  },
};

export const apiKeyList: CliCommand = {
  usage: 'api-key list',
  summary: 'List API keys, newest first, revoked ones included.',
  async run({ actor, print }) {
    const keys = await listApiKeys({ actor });
    if (keys.length === 0) {
      print('No API keys yet. Create one with: npm run cli -- api-key create --name <name> --role staff');
      return;
    }
    const rows = keys.map((k) => [
      k.id,
      k.name,
      k.role,
      `${k.keyPrefix}…`,
      formatTime(k.createdAt),
      k.createdBy ?? '(cli)',
      formatTime(k.lastUsedAt),
      k.revokedAt ? `revoked ${formatTime(k.revokedAt)}` : 'active',
    ]);
    formatTable(['ID', 'NAME', 'ROLE', 'KEY', 'CREATED (UTC)', 'BY', 'LAST USED', 'STATUS'], rows).forEach((line) => print(line));
  },
};

export const apiKeyRevoke: CliCommand = {
  usage: 'api-key revoke <id>',
  summary: 'Revoke an API key at once (see api-key list for ids).',
  positionals: 1,
  async run({ positionals, actor, print }) {
    const [id] = positionals;
    await revokeApiKey({ actor, id });
    print(`Revoked API key ${id}. Requests with it now get 401.`);
  },
};
