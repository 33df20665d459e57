'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { createContext, use, useCallback, useMemo, useTransition } from 'react';

import { cn } from '@/lib/utils';

import { ordersListHref, readOrdersListParams, type OrdersListParams } from './orders-list-query';

interface OrdersListNavigation {
  params: OrdersListParams;
  /** True while the server renders the list for a new URL. */
  isPending: boolean;
  /** Moves to another list URL inside a transition, keeping the current rows on screen until the new ones arrive. */
  navigate: (params: OrdersListParams, options?: { replace?: boolean; scroll?: boolean }) => void;
}

const NavigationContext = createContext<OrdersListNavigation | null>(null);

/** Shares one transition between the filters and paging, so any of them shows the list as loading. */
export function OrdersListProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const params = useMemo(() => readOrdersListParams(searchParams), [searchParams]);
  const navigate = useCallback(
    (next: OrdersListParams, options: { replace?: boolean; scroll?: boolean } = {}) => {
      const href = ordersListHref(next);
      const scroll = options.scroll ?? false;
      startTransition(() => (options.replace ? router.replace(href, { scroll }) : router.push(href, { scroll })));
    },
    [router],
  );
  const value = useMemo(() => ({ params, isPending, navigate }), [params, isPending, navigate]);
  return <NavigationContext value={value}>{children}</NavigationContext>;
}

export function useOrdersListNavigation(): OrdersListNavigation {
  const value = use(NavigationContext);
  if (!value) throw new Error('useOrdersListNavigation needs an OrdersListProvider');
  return value;
}

/** The results area: dimmed and marked busy while a new page of results loads. */
export function OrdersListResults({ children }: { children: React.ReactNode }) {
  const { isPending } = useOrdersListNavigation();
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
          Loading orders…
        </span>
      )}
    </div>
  );
}
