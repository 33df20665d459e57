import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';

import { getStaffActor } from '@/auth/require-staff';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

/** Shown with HTTP 403 when requireStaff(permission) refuses the signed-in member's role. */
export default async function DashboardForbidden() {
  const actor = await getStaffActor();
  return (
    <Card className="mx-auto mt-8 max-w-lg p-8 text-center" role="alert">
      <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-amber-50 text-amber-600">
        <ShieldAlert className="size-5" aria-hidden />
      </span>
      <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">403 · Forbidden</p>
      <h1 className="mt-1 text-lg font-semibold text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        {actor ? `Your role (${actor.role}) cannot use it.` : 'Your role cannot use it.'} Ask the shop owner if you need it.
      </p>
      <Button className="mt-6" asChild>
        <Link href="/dashboard/customers">Go to customers</Link>
      </Button>
    </Card>
  );
}
