import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Page not found' };

/** Any address the app has no page for, in the app's own look, with the ways back for staff and for shoppers. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-16">
      <Card className="w-full max-w-md p-8 text-center">
        <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500">
          <SearchX className="size-5" aria-hidden />
        </span>
        <h1 className="mt-4 text-lg font-semibold text-slate-900">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">There is no page at this address. The link may be incomplete, or the page was moved.</p>
        <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
          <Link href="/dashboard" className={buttonVariants()}>
            Go to the dashboard
          </Link>
          <Link href="/store/account" className={buttonVariants({ variant: 'outline' })}>
            Go to your store account
          </Link>
        </div>
      </Card>
    </main>
  );
}
