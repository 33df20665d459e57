import { ShieldCheck } from 'lucide-react';

import { formatDate } from '@/lib/format';

/** Says why the record is nearly empty: the person was erased on request, and what was kept. */
export function ErasedCustomerNotice({ erasedAt }: { erasedAt: string }) {
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
      <ShieldCheck className="mt-0.5 size-5 shrink-0 text-slate-500" aria-hidden />
      <p>
        This customer&apos;s personal data was erased on {formatDate(erasedAt, 'datetime')}. Their orders and amounts are kept so the books still add up;
        the timeline keeps what happened and when, but no longer what it said. The record cannot be edited or given new orders.
      </p>
    </div>
  );
}
