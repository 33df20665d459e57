import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CampaignDelivery } from '@/lib/campaign-types';
import { formatDate } from '@/lib/format';

const STATUS = { pending: ['Pending', 'warning'], sent: ['Sent', 'success'], failed: ['Failed', 'destructive'] } as const;

/** What happened to one message, in words: the error when it failed (the raw Message-ID stays out of sight). */
export function deliveryDetails(delivery: Pick<CampaignDelivery, 'status' | 'error'>, channel: 'email' | 'sms'): string {
  if (delivery.status === 'failed') return delivery.error ?? 'Not sent';
  if (delivery.status === 'pending') return 'Waiting to be sent';
  return channel === 'email' ? 'Accepted by the mail server' : 'Accepted by the SMS gateway';
}

/** One row per recipient: address, outcome, and what happened in words. */
export function CampaignDeliveriesTable({ deliveries, channel }: { deliveries: CampaignDelivery[]; channel: 'email' | 'sms' }) {
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
              <TableCell className="hidden max-w-72 truncate text-xs text-slate-500 md:table-cell" title={delivery.messageId ? `Message-ID ${delivery.messageId}` : undefined}>
                {deliveryDetails(delivery, channel)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
