import { AlertTriangle } from 'lucide-react';

import { smsSegments } from '@/lib/sms-segments';

/**
 * Characters and segments of a text message as typed, and a warning once it needs more than one segment (each is
 * billed as a message). Placeholders count as typed; a recipient's name can make theirs longer.
 */
export function SmsSegmentCounter({ id, body }: { id: string; body: string }) {
  const count = smsSegments(body);
  const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
  return (
    <div id={id} aria-live="polite" className="space-y-1 text-xs">
      <p className="text-slate-600">
        {plural(count.units, 'character')} · {plural(count.segments, 'segment')} ({count.encoding}) · {plural(count.remaining, 'character')} left in this segment
      </p>
      {count.segments > 1 && (
        <p className="flex items-start gap-1.5 font-medium text-amber-800">
          <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>
            This message goes as {count.segments} segments, each billed as one text
            {count.encoding === 'UCS-2'
              ? `; ${count.nonGsmCharacters.slice(0, 5).map((character) => `“${character}”`).join(', ')} ${count.nonGsmCharacters.length === 1 ? 'makes' : 'make'} it use UCS-2 (70 characters a message instead of 160)`
              : ''}
            .
          </span>
        </p>
      )}
    </div>
  );
}
