import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatRelative } from '@/lib/format';
import type { CustomerDetail } from '@/lib/types';

/** Where the customer came from: the staff member who added them, or a sign-up or import. */
export function CustomerAboutCard({ customer }: { customer: CustomerDetail }) {
  const rows = [
    { term: 'Source', detail: customer.createdBy ? `Created by ${customer.createdBy.name}` : 'Signed up / imported' },
    { term: 'Member since', detail: formatDate(customer.createdAt) },
    { term: 'Last updated', detail: formatRelative(customer.updatedAt), title: formatDate(customer.updatedAt, 'datetime') },
    { term: 'Store account', detail: customer.userId ? 'Yes' : 'No' },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>About</CardTitle>
      </CardHeader>
      <CardContent className="py-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map((row) => (
            <div key={row.term} className="contents">
              <dt className="text-slate-500">{row.term}</dt>
              <dd className="text-slate-800" title={row.title}>
                {row.detail}
              </dd>
            </div>
          ))}
          <dt className="text-slate-500">Customer ID</dt>
          <dd className="break-all font-mono text-xs leading-5 text-slate-600">{customer.id}</dd>
        </dl>
      </CardContent>
    </Card>
  );
}
