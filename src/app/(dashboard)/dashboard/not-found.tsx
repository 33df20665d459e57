import { SearchX } from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export default function DashboardNotFound() {
  return (
    <Card className="mx-auto mt-8 max-w-lg p-8 text-center">
      <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <SearchX className="size-5" aria-hidden />
      </span>
      <h1 className="mt-4 text-lg font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page or record does not exist, or it was deleted.</p>
      <Button className="mt-6" asChild>
        <Link href="/dashboard/customers">Go to customers</Link>
      </Button>
    </Card>
  );
}
