import { UserPlus } from 'lucide-react';
import Link from 'next/link';

import { CustomersListSkeleton } from '@/components/dashboard/customers/customers-list-skeleton';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';

// The same header as the page, so nothing moves when the list arrives.
export default function CustomersLoading() {
  return (
    <>
      <PageHeader
        title="Customers"
        description="Find a customer by name, email, phone or company, or narrow the list with filters."
        actions={
          <Button asChild>
            <Link href="/dashboard/customers/new">
              <UserPlus aria-hidden />
              Add customer
            </Link>
          </Button>
        }
      />
      <CustomersListSkeleton />
    </>
  );
}
