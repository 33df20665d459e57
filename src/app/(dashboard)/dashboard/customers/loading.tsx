import { PageHeader } from '@/components/dashboard/shell/page-header';
import { CustomersListSkeleton } from '@/components/dashboard/customers/customers-list-skeleton';

export default function CustomersLoading() {
  return (
    <>
      <PageHeader title="Customers" description="Find a customer by name, email, phone or company, or narrow the list with filters." />
      <CustomersListSkeleton />
    </>
  );
}
