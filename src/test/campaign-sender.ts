// Run by campaigns.test.ts as a separate process that the test kills mid-send (SIGKILL), on PostgreSQL:
//   tsx src/test/campaign-sender.ts <database url> <campaign id> <log file>
// It sends slowly, appending each address it hands over to the log file.
import { appendFile } from 'node:fs/promises';

import { openDatabase, setDatabase } from '@/db/client';
import { sendCampaign } from '@/services/campaigns';

const [url, campaignId, logFile] = process.argv.slice(2);
const SYSTEM = { type: 'system', id: null, role: 'owner', name: 'killed sender' } as const;

setDatabase(openDatabase({ url, poolSize: 2 }));
void sendCampaign({
  actor: SYSTEM,
  id: campaignId,
  batchSize: 5,
  transport: async (message) => {
    await appendFile(logFile, `${message.to}\n`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    return { messageId: `<${crypto.randomUUID()}@killed.test>` };
  },
});
