import { PackageX } from 'lucide-react';
import Link from 'next/link';

import { buttonVariants } from '@/components/ui/button';

export default function OrderNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <PackageX className="size-10 text-slate-300" aria-hidden />
      <h1 className="text-xl font-semibold text-slate-900">Order not found</h1>
      <p className="text-sm text-slate-600">
        There is no order at this address. The link may be incomplete; find the order by its number or customer in the order
        list instead.
      </p>
      <Link href="/dashboard/orders" className={buttonVariants({ className: 'mt-2' })}>
        Go to orders
      </Link>
    </div>
  );
}
