'use client';

import { AlertTriangle, RotateCcw } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

// Server errors arrive here without their message in production (only a digest that matches the server log).
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null;
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Card role="alert" className="mx-auto mt-8 max-w-lg p-8 text-center">
      <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-red-50 text-red-600">
        <AlertTriangle className="size-5" aria-hidden />
      </span>
      <h1 className="mt-4 text-lg font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">This page could not be shown. Try again; if it keeps happening, tell whoever runs the shop&apos;s server.</p>
      {digest && <p className="mt-2 font-mono text-xs text-slate-500">Reference: {digest}</p>}
      <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
        <Button onClick={() => retry()}>
          <RotateCcw aria-hidden />
          Try again
        </Button>
        <Button variant="outline" asChild>
          <Link href="/dashboard/customers">Go to customers</Link>
        </Button>
      </div>
    </Card>
  );
}
