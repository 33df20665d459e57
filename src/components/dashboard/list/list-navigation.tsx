'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { createContext, use, useCallback, useMemo, useTransition } from 'react';

import { cn } from '@/lib/utils';

import { KeysetPagination } from './keyset-pagination';
import type { PagingParams } from './keyset-paging';
import { readUrlParams, urlOf } from './list-url';

type NavigateOptions = { replace?: boolean; scroll?: boolean };

export interface ListNavigation<P extends PagingParams = PagingParams> {
  params: P;
  /** True while the server renders the list for a new URL. */
  isPending: boolean;
  /** Moves to another list URL inside a transition, keeping the current rows on screen until the new ones arrive. */
  navigate: (params: P, options?: NavigateOptions) => void;
}

const NavigationContext = createContext<(ListNavigation & { noun: string }) | null>(null);

interface ListProviderProps {
  /** The list page's path, e.g. "/dashboard/customers". */
  path: string;
  /** Every URL parameter of the list, in the order its URLs write them. */
  paramKeys: readonly string[];
  /** Plural noun for the rows, e.g. "customers". */
  noun: string;
  children: React.ReactNode;
}

/** Shares one transition between a list's search, filters, sort and paging, so any of them shows the list as loading. */
export function ListProvider({ path, paramKeys, noun, children }: ListProviderProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const params = useMemo(() => readUrlParams(paramKeys, searchParams), [paramKeys, searchParams]);
  const navigate = useCallback(
    (next: PagingParams, options: NavigateOptions = {}) => {
      const href = urlOf(path, paramKeys, next);
      const scroll = options.scroll ?? false;
      startTransition(() => (options.replace ? router.replace(href, { scroll }) : router.push(href, { scroll })));
    },
    [router, path, paramKeys],
  );
  const value = useMemo(() => ({ params, isPending, navigate, noun }), [params, isPending, navigate, noun]);
  return <NavigationContext value={value}>{children}</NavigationContext>;
}

/** The list's URL parameters and the way to change them; `P` is the list's own parameter type. */
export function useListNavigation<P extends PagingParams>(): ListNavigation<P> & { noun: string } {
  const value = use(NavigationContext);
  if (!value) throw new Error('useListNavigation needs a ListProvider');
  return value as unknown as ListNavigation<P> & { noun: string };
}

/** The results area: dimmed and marked busy while a new page of results loads. */
export function ListResults({ children }: { children: React.ReactNode }) {
  const { isPending, noun } = useListNavigation();
  return (
    <div aria-busy={isPending} className="relative">
      <div
        aria-hidden
        className={cn('pointer-events-none absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden rounded-full transition-opacity', isPending ? 'opacity-100' : 'opacity-0')}
      >
        <div className="h-full w-full animate-pulse bg-indigo-500 motion-reduce:animate-none" />
      </div>
      <div className={cn('transition-opacity', isPending && 'opacity-60')}>{children}</div>
      {isPending && (
        <span role="status" className="sr-only">
          Loading {noun}…
        </span>
      )}
    </div>
  );
}

/** Keyset paging of the list in the URL (see KeysetPagination). */
export function ListPagination(props: { nextCursor: string | null; rowCount: number; pageSize: number }) {
  const { params, navigate, isPending, noun } = useListNavigation();
  return <KeysetPagination noun={noun} params={params} navigate={navigate} isPending={isPending} {...props} />;
}
