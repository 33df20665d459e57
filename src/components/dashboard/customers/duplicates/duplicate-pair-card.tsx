import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { DUPLICATE_REASON_LABELS, type DuplicateCandidate, type DuplicatePair } from '@/lib/customer-merge-types';
import { formatDate } from '@/lib/format';

function Candidate({ customer }: { customer: DuplicateCandidate }) {
  return (
    <div className="min-w-0 text-sm">
      <Link href={`/dashboard/customers/${customer.id}`} className="font-medium text-slate-900 hover:underline">
        {customer.name || 'No name'}
      </Link>
      {customer.email && <p className="break-all text-slate-600">{customer.email}</p>}
      {customer.phone && <p className="text-slate-600">{customer.phone}</p>}
      <p className="text-slate-500">
        {customer.orderCount} {customer.orderCount === 1 ? 'order' : 'orders'} · added {formatDate(customer.createdAt)}
      </p>
    </div>
  );
}

/** One likely pair: both customers, why they look alike, and the actions (`children`). */
export function DuplicatePairCard({ pair, children }: { pair: DuplicatePair; children: React.ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-center">
        <ul className="flex flex-wrap gap-1.5 lg:w-48 lg:shrink-0 lg:flex-col lg:items-start" aria-label="Why they look alike">
          {pair.reasons.map((reason) => (
            <li key={reason}>
              <Badge variant="secondary">{DUPLICATE_REASON_LABELS[reason]}</Badge>
            </li>
          ))}
        </ul>
        <div className="grid min-w-0 flex-1 gap-3 sm:grid-cols-2">
          <Candidate customer={pair.a} />
          <Candidate customer={pair.b} />
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">{children}</div>
      </div>
    </li>
  );
}
