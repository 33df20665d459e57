import { UserX } from 'lucide-react';
import Link from 'next/link';

import { buttonVariants } from '@/components/ui/button';

export default function CustomerNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <UserX className="size-10 text-slate-300" aria-hidden />
      <h1 className="text-xl font-semibold text-slate-900">Customer not found</h1>
      <p className="text-sm text-slate-600">
        There is no customer at this address. They may have been deleted, or the link may be incomplete. Search for them in
        the customer list instead.
      </p>
      <Link href="/dashboard/customers" className={buttonVariants({ className: 'mt-2' })}>
        Go to customers
      </Link>
    </div>
  );
}
