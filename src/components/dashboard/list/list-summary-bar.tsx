import { cn } from '@/lib/utils';

import { ListMatchCount, type ListMatchCountProps } from './list-match-count';
import { ListPageSizeSelect } from './list-page-size-select';

interface ListSummaryBarProps extends ListMatchCountProps {
  /** The list's page size when the URL names none. */
  defaultPageSize: number;
  /** More controls beside the page size (a sort). */
  children?: React.ReactNode;
  className?: string;
}

/** The line above a list's table: how many rows match on the left, rows per page (and `children`) on the right. */
export function ListSummaryBar({ defaultPageSize, children, className, ...count }: ListSummaryBarProps) {
  return (
    <div className={cn('flex flex-wrap items-center justify-between gap-2', className)}>
      <div aria-live="polite" className="min-h-5">
        <ListMatchCount {...count} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <ListPageSizeSelect defaultSize={defaultPageSize} />
      </div>
    </div>
  );
}
