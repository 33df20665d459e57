import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CampaignDelivery } from '@/lib/campaign-types';
import { formatDate } from '@/lib/format';

const STATUS = { pending: ['Pending', 'warning'], sent: ['Sent', 'success'], failed: ['Failed', 'destructive'] } as const;

/** One row per recipient: address, outcome, and the error or message id. */
export function CampaignDeliveriesTable({ deliveries }: { deliveries: CampaignDelivery[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Recipient</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="hidden sm:table-cell">Sent</TableHead>
          <TableHead className="hidden md:table-cell">Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((delivery) => {
          const [label, variant] = STATUS[delivery.status];
          return (
            <TableRow key={delivery.customerId}>
              <TableCell className="max-w-0 min-w-40">
                <Link href={`/dashboard/customers/${delivery.customerId}`} className="block truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                  {delivery.name || 'Unnamed customer'}
                </Link>
                <span className="block truncate text-xs text-slate-500">{delivery.address}</span>
              </TableCell>
              <TableCell>
                <Badge variant={variant}>{label}</Badge>
              </TableCell>
              <TableCell className="hidden whitespace-nowrap text-sm text-slate-600 sm:table-cell">{delivery.sentAt ? formatDate(delivery.sentAt, 'datetime') : '—'}</TableCell>
              <TableCell className="hidden max-w-72 truncate text-xs text-slate-500 md:table-cell">{delivery.error ?? delivery.messageId ?? ''}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
