// The webhook delivery worker alone, as an app instance runs it: the webhooks bench starts it, kills it with SIGKILL
// mid-way and starts it again.
import { openDatabase, setDatabase } from '@/db/client';
import { startWebhookWorker } from '@/services/webhooks';

const handle = openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR, poolSize: 12 });
setDatabase(handle);
startWebhookWorker({ pollMs: Number(process.env.WEBHOOK_POLL_MS ?? 200), loops: Number(process.env.WEBHOOK_LOOPS ?? 4) });
process.send?.('ready');
