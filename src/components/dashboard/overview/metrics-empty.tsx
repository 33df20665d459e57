import { Hourglass } from 'lucide-react';
import Link from 'next/link';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

/** Where the segments and the at-risk list will be, before the first metrics run has finished. */
export function MetricsEmpty() {
  return (
    <Card className="self-start lg:col-span-2">
      <CardHeader>
        <CardTitle>RFM segments and customers at risk</CardTitle>
      </CardHeader>
      <CardContent className="flex items-start gap-3 py-5">
        <Hourglass aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-400" />
        <div className="text-sm text-slate-600">
          <p className="font-medium text-slate-900">Engagement metrics have not been computed yet.</p>
          <p className="mt-1">
            Segments (Champions, Loyal, At risk, …) and the customers likely to stop buying come from engagement metrics, which are computed in the
            background after orders change. They appear here once the first run has finished.{' '}
            <Link href="/dashboard/settings/metrics" className="font-medium text-indigo-700 hover:underline">
              Metrics settings
            </Link>{' '}
            shows their status and lets a manager compute them now.
          </p>
        </div>
      </CardContent>
    </Card>
  );
}
