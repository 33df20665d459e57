import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

/** 403: shown instead of a page the signed-in role may not use. */
export function ForbiddenNotice({ what, roles }: { what: string; roles: string }) {
  return (
    <Card className="mx-auto mt-8 max-w-lg p-8 text-center" role="alert">
      <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-amber-50 text-amber-600">
        <ShieldAlert className="size-5" aria-hidden />
      </span>
      <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">403 · Forbidden</p>
      <h1 className="mt-1 text-lg font-semibold text-slate-900">You don&apos;t have access to {what}</h1>
      <p className="mt-2 text-sm text-slate-600">Only {roles} can use this page. Ask the shop owner if you need it.</p>
      <Button className="mt-6" asChild>
        <Link href="/dashboard/customers">Go to customers</Link>
      </Button>
    </Card>
  );
}
