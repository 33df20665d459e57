import { PackageX } from 'lucide-react';
import Link from 'next/link';

import { STORE_BUTTON_CLASS } from '@/components/store/store-styles';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';

export default function StoreOrderNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-12 text-center">
      <PackageX className="size-10 text-stone-300" aria-hidden />
      <h1 className="text-xl font-semibold text-stone-900">We can&apos;t find that order</h1>
      <p className="text-sm text-stone-600">
        There is no order with this link in your account. The link may be incomplete, or the order may belong to another account. Your
        orders are all listed on the orders page.
      </p>
      <Link href="/store/account/orders" className={cn(buttonVariants(), STORE_BUTTON_CLASS, 'mt-2 w-auto px-6')}>
        See your orders
      </Link>
    </div>
  );
}
