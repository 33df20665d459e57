'use client';

import { Loader2, Send } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { campaignProgressAction, sendCampaignAction } from '@/actions/campaigns';
import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import type { CampaignDeliveryCounts, CampaignStatus } from '@/lib/campaign-types';

const POLL_MS = 1000;
// A send whose counts have not moved for this long may have lost its server: only then offer to resume it.
const STALLED_MS = 30_000;

/**
 * Send behind a confirmation, then a progress bar polled from the delivery counts until the campaign is sent.
 * The page keys it by status, so a refresh after sending starts it again from the server's numbers.
 */
export function CampaignSendPanel({ campaignId, status: initialStatus, deliveries: initialDeliveries, audienceCount, channel, canSend }: {
  campaignId: string;
  status: CampaignStatus;
  deliveries: CampaignDeliveryCounts;
  audienceCount: number;
  channel: 'email' | 'sms';
  canSend: boolean;
}) {
  const router = useRouter();
  const [progress, setProgress] = React.useState({ status: initialStatus, deliveries: initialDeliveries });
  const [open, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const submitOnce = useIdempotentSubmit();

  const [isStalled, setIsStalled] = React.useState(false);
  const isSending = progress.status === 'sending';
  React.useEffect(() => {
    if (!isSending) return;
    let lastDone = -1;
    let lastChange = Date.now();
    const timer = setInterval(async () => {
      const result = await campaignProgressAction(campaignId);
      if (!result.ok) return;
      setProgress(result.data);
      const { sent, failed } = result.data.deliveries;
      if (sent + failed !== lastDone) [lastDone, lastChange] = [sent + failed, Date.now()];
      setIsStalled(Date.now() - lastChange > STALLED_MS);
      // Sent: reload so the results table and the header show the final state.
      if (result.data.status === 'sent') router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [isSending, campaignId, router]);

  function send() {
    setError(null);
    startTransition(async () => {
      const result = await submitOnce(null, (key) => sendCampaignAction(campaignId, key));
      if (!result.ok) return setError(result.message);
      setOpen(false);
      setIsStalled(false);
      setProgress(result.data);
      router.refresh();
    });
  }

  const { deliveries } = progress;
  const done = deliveries.sent + deliveries.failed;
  const percent = deliveries.total > 0 ? Math.round((done / deliveries.total) * 100) : 0;
  const what = channel === 'email' ? 'email' : 'text message';

  if (progress.status === 'draft') {
    if (!canSend) return <p className="text-sm text-slate-600">An owner or admin sends campaigns.</p>;
    return (
      <AlertDialog open={open} onOpenChange={(next) => !isPending && setOpen(next)}>
        <AlertDialogTrigger asChild>
          <Button disabled={audienceCount === 0}>
            <Send aria-hidden />
            Send…
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogTitle>Send this campaign now?</AlertDialogTitle>
          <AlertDialogDescription>
            One {what} goes to each of the {audienceCount.toLocaleString('en-GB')} recipients. It cannot be edited or unsent afterwards.
          </AlertDialogDescription>
          {error && (
            <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isPending}>Not now</AlertDialogCancel>
            <Button onClick={send} disabled={isPending}>
              {isPending && <Loader2 className="animate-spin" aria-hidden />}
              {isPending ? 'Starting…' : `Send to ${audienceCount.toLocaleString('en-GB')}`}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    );
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-900" role="status" aria-live="polite">
          {progress.status === 'sent' ? 'Finished:' : 'Sending…'} {done.toLocaleString('en-GB')} of {deliveries.total.toLocaleString('en-GB')} recipients
        </span>
        <span className="text-slate-600">
          {deliveries.sent.toLocaleString('en-GB')} sent · {deliveries.failed.toLocaleString('en-GB')} failed · {deliveries.pending.toLocaleString('en-GB')} pending
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Sending progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      {isSending && isStalled && canSend && (
        <p className="text-xs text-slate-500">
          Nothing has been sent for a while; if the server restarted, the rest is still pending:{' '}
          <button type="button" className="font-medium text-indigo-700 underline" onClick={send} disabled={isPending}>
            resume sending
          </button>
          . Nobody is messaged twice.
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
