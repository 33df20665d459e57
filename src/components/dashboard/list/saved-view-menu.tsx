'use client';

import { Loader2, MoreHorizontal, Pencil, RefreshCw, Share2, Trash2, UserRoundX } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { deleteSavedViewAction, updateSavedViewAction } from '@/actions/saved-views';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import type { SavedView } from '@/lib/saved-view-types';

import { SavedViewNameDialog } from './saved-view-name-dialog';

/**
 * The small menu on the view being shown: rename, update to the list's current filters (when they differ from the
 * view's), share or unshare, delete. Items the member may not use are left out; the service checks again.
 */
export function SavedViewMenu({
  view,
  currentQuery,
  canChange,
  canShare,
  onMessage,
}: {
  view: SavedView;
  /** The list's normalised query now; "Update" appears when it is not the view's. */
  currentQuery: string;
  canChange: boolean;
  canShare: boolean;
  /** Says what happened (or was refused) next to the tabs. */
  onMessage: (message: { text: string; isError: boolean }) => void;
}) {
  const router = useRouter();
  const [dialog, setDialog] = React.useState<'rename' | 'delete' | null>(null);
  const [deleteError, setDeleteError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const isEdited = currentQuery !== view.query;

  function update(input: { query?: string; shared?: boolean }, done: string) {
    startTransition(async () => {
      const result = await updateSavedViewAction(view.id, input);
      onMessage(result.ok ? { text: done, isError: false } : { text: result.message, isError: true });
      if (result.ok) router.refresh();
    });
  }

  function remove() {
    setDeleteError(null);
    startTransition(async () => {
      const result = await deleteSavedViewAction(view.id, view.list);
      if (!result.ok) {
        setDeleteError(result.message);
        return;
      }
      setDialog(null);
      onMessage({ text: `Deleted the view “${view.name}”.`, isError: false });
      router.refresh();
    });
  }

  if (!canChange && !canShare) return null;
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-8 shrink-0" aria-label={`Options for the view “${view.name}”`} disabled={isPending}>
            {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <MoreHorizontal aria-hidden />}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent collisionPadding={8}>
          <DropdownMenuLabel className="text-xs font-medium text-slate-600">{view.shared ? `Shared by ${view.ownerName}` : 'Only you see this view'}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {canChange && (
            <DropdownMenuItem onSelect={() => setDialog('rename')}>
              <Pencil aria-hidden />
              Rename…
            </DropdownMenuItem>
          )}
          {canChange && isEdited && (
            <DropdownMenuItem onSelect={() => update({ query: currentQuery }, `“${view.name}” now shows the current filters.`)}>
              <RefreshCw aria-hidden />
              Update to current filters
            </DropdownMenuItem>
          )}
          {canShare && (
            <DropdownMenuItem onSelect={() => update({ shared: !view.shared }, view.shared ? `“${view.name}” is no longer shared.` : `“${view.name}” is shared with the team.`)}>
              {view.shared ? <UserRoundX aria-hidden /> : <Share2 aria-hidden />}
              {view.shared ? 'Stop sharing' : 'Share with the team'}
            </DropdownMenuItem>
          )}
          {canChange && (
            <DropdownMenuItem onSelect={() => setDialog('delete')} className="text-red-700">
              <Trash2 aria-hidden />
              Delete…
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <SavedViewNameDialog
        open={dialog === 'rename'}
        onOpenChange={(open) => setDialog(open ? 'rename' : null)}
        title={`Rename “${view.name}”`}
        description={view.shared ? 'The new name shows for everyone on the team.' : 'Only you see this view.'}
        submitLabel="Rename"
        defaultName={view.name}
        onSubmit={async ({ name }) => {
          const result = await updateSavedViewAction(view.id, { name });
          if (result.ok) router.refresh();
          return result;
        }}
      />
      <AlertDialog
        open={dialog === 'delete'}
        onOpenChange={(open) => {
          if (isPending) return;
          setDialog(open ? 'delete' : null);
          if (!open) setDeleteError(null);
        }}
      >
        <AlertDialogContent>
          <AlertDialogTitle>Delete the view “{view.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            {view.shared ? 'The tab goes for everyone on the team.' : 'The tab goes.'} The customers and orders it shows are not touched.
          </AlertDialogDescription>
          {deleteError && (
            <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {deleteError}
            </p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
            <Button variant="destructive" onClick={remove} disabled={isPending}>
              {isPending && <Loader2 className="animate-spin" aria-hidden />}
              {isPending ? 'Deleting…' : 'Delete view'}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
