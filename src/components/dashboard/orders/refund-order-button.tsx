'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2, Undo2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';

import { refundOrderAction } from '@/actions/orders';
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
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { formatMoney, minorToMajorString, parseMajorToMinor } from '@/lib/format';

import { newIdempotencyKey } from './idempotency-key';
import { MoneyInput } from './money-input';
import { refundFormSchema, type RefundFormOutput, type RefundFormValues } from './refund-form-schema';

/**
 * Refund part or all of what is left of a completed order, after confirming the amount. Each opening of the
 * dialog gets one idempotency key, so a double click or a retry after a lost answer refunds once.
 */
export function RefundOrderButton({ orderId, orderNumber, customerName, remaining, currency }: {
  orderId: string;
  orderNumber: string;
  customerName: string;
  /** Minor units not yet refunded. */
  remaining: number;
  currency: string;
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [idempotencyKey, setIdempotencyKey] = React.useState('');
  const [formError, setFormError] = React.useState<string | null>(null);
  const schema = React.useMemo(() => refundFormSchema(currency, remaining), [currency, remaining]);
  const defaultValues = { amount: minorToMajorString(remaining, currency), reason: '' };
  const { register, handleSubmit, formState, setError, reset, control } = useForm<RefundFormValues, unknown, RefundFormOutput>({
    resolver: zodResolver(schema) as Resolver<RefundFormValues, unknown, RefundFormOutput>,
    defaultValues,
  });
  const errors = formState.errors;
  const typed = parseMajorToMinor(useWatch({ control, name: 'amount' }) ?? '', currency);
  const ids = React.useId();
  const isBusy = formState.isSubmitting;

  function onOpenChange(next: boolean) {
    if (isBusy) return;
    if (next) {
      reset({ amount: minorToMajorString(remaining, currency), reason: '' });
      setIdempotencyKey(newIdempotencyKey());
      setFormError(null);
    } else if (formError) {
      // What was refused may mean the order changed meanwhile: show it as it now is.
      router.refresh();
    }
    setOpen(next);
  }

  async function onSubmit(data: RefundFormOutput) {
    setFormError(null);
    const result = await refundOrderAction(orderId, { amount: data.amount, reason: data.reason, idempotencyKey });
    if (result.ok) {
      setOpen(false);
      return;
    }
    const fields = result.fieldErrors.filter((error) => error.path === 'amount' || error.path === 'reason');
    fields.forEach((error, index) => setError(error.path as 'amount' | 'reason', { type: 'server', message: error.message }, { shouldFocus: index === 0 }));
    if (fields.length === 0) setFormError(result.message);
  }

  const id = (name: string) => `${ids}-${name}`;
  const label = typed !== null && !Number.isNaN(typed) && typed > 0 && typed <= remaining ? `Refund ${formatMoney(typed, currency)}` : 'Refund';

  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogTrigger asChild>
        <Button variant="outline">
          <Undo2 aria-hidden />
          Refund
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={`Refund order ${orderNumber}`}>
          <AlertDialogTitle>Refund order {orderNumber}?</AlertDialogTitle>
          <AlertDialogDescription>
            Up to {formatMoney(remaining, currency)} can be refunded. The amount is taken off {customerName || 'the customer'}’s total spend; refunding all of
            it also stops the order counting in their orders.
          </AlertDialogDescription>
          <div className="mt-4 space-y-4">
            <Field id={id('amount')} label="Amount to refund" error={errors.amount?.message}>
              <MoneyInput
                currency={currency}
                {...register('amount')}
                id={id('amount')}
                aria-invalid={errors.amount ? true : undefined}
                aria-describedby={errors.amount ? `${id('amount')}-error` : undefined}
              />
            </Field>
            <Field id={id('reason')} label="Reason (optional)" error={errors.reason?.message} hint="Recorded on the customer’s timeline.">
              <Textarea
                rows={3}
                {...register('reason')}
                id={id('reason')}
                aria-invalid={errors.reason ? true : undefined}
                aria-describedby={errors.reason ? `${id('reason')}-error` : `${id('reason')}-hint`}
              />
            </Field>
          </div>
          {formError && (
            <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {formError}
            </p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel type="button" disabled={isBusy}>
              {formError ? 'Close' : 'Not now'}
            </AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={isBusy}>
              {isBusy && <Loader2 className="animate-spin" aria-hidden />}
              {isBusy ? 'Refunding…' : label}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
