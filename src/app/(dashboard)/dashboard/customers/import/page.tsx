import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { CustomerImportFlow } from '@/components/dashboard/customers/import/customer-import-flow';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { MAX_IMPORT_BYTES } from '@/services/customer-import';

export const metadata: Metadata = { title: 'Import customers' };

export default async function ImportCustomersPage() {
  await requireStaff('customers:import');
  return (
    <>
      <PageHeader title="Import customers" description="Bring customers in from a CSV file: check it first, then import it in the background." />
      <CustomerImportFlow maxMegabytes={MAX_IMPORT_BYTES / 1_048_576} />
    </>
  );
}
