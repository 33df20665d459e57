'use client';

import { NativeSelect } from '@/components/ui/native-select';

import { useListNavigation } from './list-navigation';
import { withChangedQuery } from './list-url';
import { PAGE_SIZES, parsePageSize } from './page-size';

/**
 * Rows per page. Another size starts again at the first page (the cursors of the pages seen so far no longer line
 * up); the default is left out of the URL.
 */
export function ListPageSizeSelect({ defaultSize, className }: { defaultSize: number; className?: string }) {
  const { params, navigate, noun } = useListNavigation();
  const size = parsePageSize(params.limit, defaultSize);
  const id = `${noun}-page-size`;
  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        Rows per page
      </label>
      <NativeSelect
        id={id}
        value={String(size)}
        onChange={(event) => {
          const next = Number(event.target.value);
          navigate(withChangedQuery(params, { limit: next === defaultSize ? '' : String(next) }));
        }}
        className="w-full sm:w-auto"
      >
        {PAGE_SIZES.map((option) => (
          <option key={option} value={option}>
            {option} per page
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
