import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

const ROWS = 10;

interface ListSkeletonProps {
  /** Plural noun for the rows, e.g. "customers". */
  noun: string;
  /** The list's controls above the table, in skeleton. */
  toolbar: React.ReactNode;
  /** Widths of the header row's labels, in quarters of a rem (Tailwind units). */
  headerWidths: number[];
  /** One row's placeholders, repeated ten times. */
  row: React.ReactNode;
}

/** A list's shape while its first render loads: its toolbar, header row and ten rows. */
export function ListSkeleton({ noun, toolbar, headerWidths, row }: ListSkeletonProps) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading {noun}…</span>
      {toolbar}
      <Card className="overflow-hidden">
        <div className="hidden h-10 items-center gap-6 border-b border-slate-200 bg-slate-50 px-3 lg:flex">
          {headerWidths.map((width, i) => (
            <Skeleton key={i} className="h-3" style={{ width: `${width * 4}px` }} />
          ))}
        </div>
        <ul className="divide-y divide-slate-100">
          {Array.from({ length: ROWS }, (_, i) => (
            <li key={i} className="flex items-center gap-6 px-3 py-3.5">
              {row}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
