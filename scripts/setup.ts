// `npm run setup`: migrations, owner on first start, demo data into an empty shop.
import { getDatabase } from '@/db/client';

import { setupDatabase } from './setup-database';

setupDatabase()
  .then(() => getDatabase().close())
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
