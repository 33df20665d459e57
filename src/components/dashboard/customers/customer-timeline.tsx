import { History } from 'lucide-react';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatRelative } from '@/lib/format';
import type { CustomerEvent } from '@/lib/types';

import { describeCustomerEvent, type EventNames } from './customer-event-text';

const VISIBLE_EVENTS = 8;

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
          <>
            <EventList events={events.slice(0, VISIBLE_EVENTS)} names={names} now={now} />
            {events.length > VISIBLE_EVENTS && (
              // Native disclosure: keyboard and screen-reader friendly, and no client JavaScript.
              <details className="group mt-5">
                <summary className="cursor-pointer list-none text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 [&::-webkit-details-marker]:hidden">
                  <span className="group-open:hidden">Show {events.length - VISIBLE_EVENTS} older events</span>
                  <span className="hidden group-open:inline">Hide older events</span>
                </summary>
                <EventList events={events.slice(VISIBLE_EVENTS)} names={names} now={now} className="mt-5" />
              </details>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function EventList({ events, names, now, className = '' }: { events: CustomerEvent[]; names: EventNames; now: Date; className?: string }) {
  return (
    <ol className={`relative space-y-5 border-l border-slate-200 pl-5 ${className}`}>
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
            <time dateTime={event.createdAt} className="mt-0.5 block text-xs text-slate-500">
              {formatDate(event.createdAt, 'datetime')} · {formatRelative(event.createdAt, now)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
