'use client';

import { CalendarClock, FlaskConical, Loader2, X } from 'lucide-react';
import * as React from 'react';

import { cancelCampaignScheduleAction, scheduleCampaignAction, sendCampaignTestAction } from '@/actions/campaigns';
import { errorsByField, type ServerFailure } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatDate } from '@/lib/format';

const pad = (n: number) => String(n).padStart(2, '0');
/** A moment as a datetime-local value in the browser's time zone. */
const toLocalInput = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** The datetime-local value (browser's time zone) as an instant; left as typed when it is not a date, for the server to name. */
function toIsoMoment(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

/** Tomorrow at 09:00 in the browser's time zone: a sensible first suggestion for a marketing send. */
function suggestedSendTime(): string {
  const at = new Date();
  at.setDate(at.getDate() + 1);
  at.setHours(9, 0, 0, 0);
  return toLocalInput(at);
}

/** A dialog with one field, submitted by hand so the field keeps its value on a refusal and shows the error under it. */
function OneFieldDialog({
  trigger,
  title,
  description,
  submitLabel,
  field,
  onSubmit,
}: {
  trigger: React.ReactNode;
  title: string;
  description: string;
  submitLabel: string;
  field: { name: string; label: string; hint?: string; type: string; defaultValue: string; inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode'] };
  onSubmit: (value: string) => Promise<({ ok: true } & { done?: string }) | ({ ok: false } & ServerFailure)>;
}) {
  const [open, setOpen] = React.useState(false);
  const [failure, setFailure] = React.useState<ServerFailure | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const id = React.useId();
  const { byField, formMessage } = errorsByField(failure, [field.name]);
  const error = byField[field.name];

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get(field.name) ?? '');
    startTransition(async () => {
      const result = await onSubmit(value);
      if (!result.ok) return setFailure(result);
      setFailure(null);
      setOpen(false);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        setOpen(next);
        if (!next) setFailure(null);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="space-y-4">
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
          <Field id={`${id}-${field.name}`} label={field.label} hint={field.hint} error={error}>
            <Input
              id={`${id}-${field.name}`}
              name={field.name}
              type={field.type}
              inputMode={field.inputMode}
              defaultValue={field.defaultValue}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-${field.name}-error` : field.hint ? `${id}-${field.name}-hint` : undefined}
            />
          </Field>
          {formMessage && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {formMessage}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" disabled={isPending} onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending && <Loader2 className="animate-spin" aria-hidden />}
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/**
 * For a draft, beside Send: a test to yourself first, and a send at a later time (moved or cancelled until it starts).
 * A schedule that could not start (nobody to send to by then) says why.
 */
export function CampaignDraftTools({ campaignId, channel, scheduledFor, scheduleError, ownEmail }: {
  campaignId: string;
  channel: 'email' | 'sms';
  scheduledFor: string | null;
  scheduleError: string | null;
  ownEmail: string | null;
}) {
  const [testSentTo, setTestSentTo] = React.useState<string | null>(null);
  const [cancelFailure, setCancelFailure] = React.useState<string | null>(null);
  const [isCancelling, startCancel] = React.useTransition();

  const scheduleTrigger = (
    <Button variant="outline">
      <CalendarClock aria-hidden />
      {scheduledFor ? 'Change time…' : 'Schedule…'}
    </Button>
  );

  return (
    <div className="space-y-3">
      {scheduledFor && !scheduleError && (
        <Alert role="status" className="flex flex-wrap items-center justify-between gap-2">
          <span>
            Scheduled to send on <strong>{formatDate(scheduledFor, 'datetime')}</strong>. The audience is fixed then.
          </span>
          <Button
            variant="outline"
            size="sm"
            disabled={isCancelling}
            onClick={() =>
              startCancel(async () => {
                const result = await cancelCampaignScheduleAction(campaignId);
                setCancelFailure(result.ok ? null : result.message);
              })
            }
          >
            {isCancelling ? <Loader2 className="animate-spin" aria-hidden /> : <X aria-hidden />}
            Cancel schedule
          </Button>
        </Alert>
      )}
      {scheduledFor && scheduleError && (
        <Alert variant="destructive" role="alert">
          The send scheduled for {formatDate(scheduledFor, 'datetime')} did not start: {scheduleError} Schedule it again or send it now.
        </Alert>
      )}
      {cancelFailure && (
        <p role="alert" className="text-sm text-red-700">
          {cancelFailure}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <OneFieldDialog
          trigger={scheduleTrigger}
          title="Send this campaign later"
          description="It sends itself at this time, to whoever then belongs to its groups and agrees to hear from you. You can change or cancel it until then."
          submitLabel="Schedule"
          field={{ name: 'sendAt', label: 'Send on', hint: 'In your time zone.', type: 'datetime-local', defaultValue: scheduledFor ? toLocalInput(new Date(scheduledFor)) : suggestedSendTime() }}
          onSubmit={(value) => scheduleCampaignAction(campaignId, { sendAt: toIsoMoment(value) })}
        />
        <OneFieldDialog
          trigger={
            <Button variant="outline">
              <FlaskConical aria-hidden />
              Send test…
            </Button>
          }
          title="Send a test to yourself"
          description={`One ${channel === 'email' ? 'email' : 'text message'}, filled in with your name${channel === 'email' ? ' and marked [Test]' : ''}. Nobody else receives anything.`}
          submitLabel="Send test"
          field={
            channel === 'email'
              ? { name: 'to', label: 'Email address', type: 'email', defaultValue: ownEmail ?? '' }
              : { name: 'to', label: 'Phone number', hint: 'Like +44 7911 123456.', type: 'tel', inputMode: 'tel', defaultValue: '' }
          }
          onSubmit={async (value) => {
            const result = await sendCampaignTestAction(campaignId, { to: value });
            if (result.ok) setTestSentTo(result.data.to);
            return result;
          }}
        />
      </div>
      {testSentTo && (
        <p role="status" className="text-sm text-emerald-700">
          Test sent to {testSentTo}.
        </p>
      )}
    </div>
  );
}
