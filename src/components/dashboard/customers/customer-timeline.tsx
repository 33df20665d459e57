import { History } from 'lucide-react';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatRelative } from '@/lib/format';
import type { CustomerEvent } from '@/lib/types';

import { describeCustomerEvent, type EventNames } from './customer-event-text';

/** Every change to the customer, newest first, as readable sentences with who and when. */
export function CustomerTimeline({ events, names, hasMore }: { events: CustomerEvent[]; names: EventNames; hasMore: boolean }) {
  const now = new Date();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        {hasMore && <span className="text-xs text-slate-500">Latest {events.length} events</span>}
      </CardHeader>
      <CardContent className="py-4">
        {events.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-6 text-center text-sm text-slate-500">
            <History className="size-8 text-slate-300" aria-hidden />
            Nothing has happened yet.
          </div>
        ) : (
          <ol className="relative space-y-5 border-l border-slate-200 pl-5">
            {events.map((event) => {
              const text = describeCustomerEvent(event, names);
              return (
                <li key={event.id} className="relative">
                  <span aria-hidden className="absolute -left-[25px] top-1.5 size-2.5 rounded-full border-2 border-white bg-indigo-500 ring-1 ring-indigo-200" />
                  <p className="text-sm text-slate-900">{text.sentence}</p>
                  {text.details.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                      {text.details.map((detail) => (
                        <li key={detail} className="break-words">
                          {detail}
                        </li>
                      ))}
                    </ul>
                  )}
                  <time dateTime={event.createdAt} title={formatDate(event.createdAt, 'datetime')} className="mt-0.5 block text-xs text-slate-500">
                    {formatDate(event.createdAt, 'datetime')} · {formatRelative(event.createdAt, now)}
                  </time>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
