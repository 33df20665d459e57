'use client';

import { BookmarkPlus, Users } from 'lucide-react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import * as React from 'react';

import { createSavedViewAction } from '@/actions/saved-views';
import { Button } from '@/components/ui/button';
import { can, canChangeSavedView } from '@/lib/permissions';
import type { SavedView, SavedViewList } from '@/lib/saved-view-types';
import type { Actor } from '@/lib/types';
import { cn } from '@/lib/utils';
import { normaliseListQuery } from '@/lib/validation/saved-view';

import { SavedViewMenu } from './saved-view-menu';
import { SavedViewNameDialog } from './saved-view-name-dialog';

/** Where each list lives and what its first tab says; a list that gets views adds its line. */
const PLACES: Record<SavedViewList, { path: string; all: string }> = {
  customers: { path: '/dashboard/customers', all: 'All customers' },
  orders: { path: '/dashboard/orders', all: 'All orders' },
};

const hrefOf = (path: string, query: string) => (query ? `${path}?${query}` : path);

/**
 * The view last opened from these tabs (this browser tab only), so that after changing its filters the member can
 * still reach its menu and "Update to current filters". A view is otherwise current only while the URL matches it.
 */
function useLastView(list: SavedViewList, currentId: string | null | undefined): string | null {
  const key = `saved-view:${list}`;
  const stored = React.useSyncExternalStore(subscribeToStorage, () => readStorage(key), () => null);
  React.useEffect(() => {
    // A view remembers itself; the whole list forgets it; a filter no view holds leaves it as it was.
    if (currentId !== undefined) writeStorage(key, currentId);
  }, [key, currentId]);
  return currentId === undefined ? stored : currentId;
}

function subscribeToStorage(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

// Storage may be off (private mode, a policy): the menu then shows on the current view only.
function readStorage(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null) {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // as above
  }
}

const tabClass = (isCurrent: boolean) =>
  cn(
    'inline-flex h-9 items-center gap-1.5 whitespace-nowrap rounded-md px-3 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500',
    isCurrent ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  );

/**
 * Tabs above a list: its whole, then the member's own views and the team's shared ones, as links. The one whose query
 * is the URL's (normalised) is current; when none is, "Save view…" names the current filter, sort and page size (on
 * the whole list it says to filter first).
 */
export function SavedViewTabs({ list, views, viewer }: { list: SavedViewList; views: SavedView[]; viewer: Pick<Actor, 'id' | 'role'> }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const { path, all } = PLACES[list];
  const currentQuery = normaliseListQuery(list, searchParams);
  const current = currentQuery === '' ? null : views.find((view) => view.query === currentQuery);
  // null: the whole list; undefined: a filter no view holds.
  const currentId = current === null ? null : current?.id;
  const lastId = useLastView(list, currentId);
  const edited = current === undefined ? views.find((view) => view.id === lastId) : undefined;
  const canShare = can(viewer, 'saved_views:share');
  const [isSaving, setIsSaving] = React.useState(false);
  const [said, setSaid] = React.useState<{ text: string; isError: boolean; query: string } | null>(null);
  // What the tabs last said belongs to the list it was said on: another filter or view clears it.
  const message = said?.query === currentQuery ? said : null;
  const navRef = React.useRef<HTMLElement>(null);
  const shownId = current === null ? 'all' : (current?.id ?? edited?.id);
  React.useEffect(() => {
    // On a phone the row scrolls: bring the tab being shown (and its menu) into sight, without moving the page.
    const nav = navRef.current;
    const item = nav?.querySelector<HTMLElement>(`[data-view-id="${shownId}"]`);
    if (!nav || !item) return;
    if (item.offsetLeft < nav.scrollLeft || item.offsetLeft + item.offsetWidth > nav.scrollLeft + nav.clientWidth) nav.scrollLeft = Math.max(0, item.offsetLeft - 8);
  }, [shownId]);
  const setMessage = (next: { text: string; isError: boolean }) => setSaid({ ...next, query: currentQuery });

  return (
    <div className="mb-4 border-b border-slate-200 pb-2">
      <div className="flex items-center gap-2">
        <nav ref={navRef} aria-label="Saved views" className="relative min-w-0 flex-1 overflow-x-auto">
          <ul className="flex w-max items-center gap-1 p-0.5">
            <li data-view-id="all">
              <Link href={path} className={tabClass(current === null)} aria-current={current === null ? 'page' : undefined}>
                {all}
              </Link>
            </li>
            {views.map((view) => {
              const isCurrent = view.id === current?.id;
              const isEdited = view.id === edited?.id;
              return (
                <li key={view.id} data-view-id={view.id} className="flex items-center">
                  <Link href={hrefOf(path, view.query)} className={tabClass(isCurrent)} aria-current={isCurrent ? 'page' : undefined}>
                    {view.name}
                    {view.shared && (
                      <>
                        <Users aria-hidden className="size-3.5 text-slate-600" />
                        <span className="sr-only">(shared with the team)</span>
                      </>
                    )}
                    {isEdited && <span className="text-xs font-normal italic text-slate-600">· edited</span>}
                  </Link>
                  {(isCurrent || isEdited) && (
                    <SavedViewMenu view={view} currentQuery={currentQuery} canChange={canChangeSavedView(viewer, view)} canShare={canShare} onMessage={setMessage} />
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
        {!current && (
          <Button variant="outline" size="sm" className="shrink-0" onClick={() => setIsSaving(true)}>
            <BookmarkPlus aria-hidden />
            Save view…
          </Button>
        )}
      </div>
      <p role="status" className={cn('text-sm', message ? 'mt-2' : 'sr-only', message?.isError ? 'text-red-700' : 'text-slate-700')}>
        {message?.text}
      </p>
      <SavedViewNameDialog
        open={isSaving}
        onOpenChange={setIsSaving}
        title="Save view"
        description="Saves the current search, filters, sort and page size as a tab above the list."
        submitLabel="Save view"
        canShare={canShare}
        refusal={currentQuery === '' ? 'Filter, search or sort the list first, then save it as a view: this tab already shows the whole list.' : undefined}
        onSubmit={async ({ name, shared }) => {
          const result = await createSavedViewAction({ list, name, shared, query: searchParams.toString() });
          if (result.ok) {
            setMessage({ text: `Saved the view “${name}”.`, isError: false });
            // The view's own URL: the same list, without the page it was on.
            router.replace(hrefOf(path, result.data.query), { scroll: false });
          }
          return result;
        }}
      />
    </div>
  );
}
