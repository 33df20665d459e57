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
import { FormErrorAlert } from '@/components/forms/form-error-alert';
import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import { useServerErrors } from '@/components/forms/use-server-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { formatMoney, minorToMajorString, parseMajorToMinor } from '@/lib/format';

import { MoneyInput } from './money-input';
import { refundFormSchema, type RefundFormOutput, type RefundFormValues } from './refund-form-schema';

/**
 * Refund part or all of what is left of a completed order, after confirming the amount. Each submit sends an
 * idempotency key, the same for a double click or a retry after a lost answer, so the order is refunded once.
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
  const submitOnce = useIdempotentSubmit();
  const schema = React.useMemo(() => refundFormSchema(currency, remaining), [currency, remaining]);
  const defaultValues = { amount: minorToMajorString(remaining, currency), reason: '' };
  const form = useForm<RefundFormValues, unknown, RefundFormOutput>({
    resolver: zodResolver(schema) as Resolver<RefundFormValues, unknown, RefundFormOutput>,
    defaultValues,
  });
  const { register, handleSubmit, formState, reset, control } = form;
  const { formError, clearFormError, showServerErrors } = useServerErrors(form, ['amount', 'reason']);
  const errors = formState.errors;
  const typed = parseMajorToMinor(useWatch({ control, name: 'amount' }) ?? '', currency);
  const ids = React.useId();
  const isBusy = formState.isSubmitting;

  function onOpenChange(next: boolean) {
    if (isBusy) return;
    if (next) {
      reset({ amount: minorToMajorString(remaining, currency), reason: '' });
      clearFormError();
    } else if (formError) {
      // What was refused may mean the order changed meanwhile: show it as it now is.
      router.refresh();
    }
    setOpen(next);
  }

  async function onSubmit(data: RefundFormOutput) {
    clearFormError();
    const input = { amount: data.amount, reason: data.reason };
    const result = await submitOnce(input, (idempotencyKey) => refundOrderAction(orderId, { ...input, idempotencyKey }));
    if (result.ok) {
      setOpen(false);
      return;
    }
    showServerErrors(result);
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
            Up to {formatMoney(remaining, currency)} can be refunded. The amount is taken off {customerName || 'the customer'}’s total spend; the order still
            counts in their orders, even refunded in full.
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
          <FormErrorAlert message={formError} isCompact className="mt-4" />
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
