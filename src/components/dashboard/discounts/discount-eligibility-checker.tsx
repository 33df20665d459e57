'use client';

import { CircleCheck, CircleX, Loader2 } from 'lucide-react';
import * as React from 'react';

import { checkDiscountEligibilityAction } from '@/actions/discounts';
import { CustomerCombobox } from '@/components/dashboard/orders/customer-combobox';
import { MoneyInput } from '@/components/dashboard/orders/money-input';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { minorToMajorString, parseMajorToMinor } from '@/lib/format';
import type { CustomerOption, DiscountEligibility } from '@/lib/types';
import { cn } from '@/lib/utils';

type Answer = { customer: CustomerOption; result: DiscountEligibility } | { error: string };

/** Pick a customer (and optionally a subtotal) and see whether they may use this discount now, with the reason. */
export function DiscountEligibilityChecker({ discountId, currency }: { discountId: string; currency: string }) {
  const [customer, setCustomer] = React.useState<CustomerOption | null>(null);
  const [subtotal, setSubtotal] = React.useState('');
  const [subtotalError, setSubtotalError] = React.useState<string | null>(null);
  const [answer, setAnswer] = React.useState<Answer | null>(null);
  const [isChecking, startChecking] = React.useTransition();
  const ids = React.useId();

  function check(event: React.FormEvent) {
    event.preventDefault();
    if (!customer) {
      setAnswer({ error: 'Choose a customer first.' });
      return;
    }
    const minor = parseMajorToMinor(subtotal, currency);
    if (Number.isNaN(minor)) {
      setSubtotalError(`Enter an amount like ${minorToMajorString(5000, currency)}, or leave it blank`);
      return;
    }
    setSubtotalError(null);
    const picked = customer;
    startChecking(async () => {
      const result = await checkDiscountEligibilityAction(discountId, picked.id, minor);
      setAnswer(result.ok ? { customer: picked, result: result.data } : { error: result.message });
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Check a customer</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 py-4">
        <form onSubmit={check} className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start" aria-label="Check eligibility">
          <Field id={`${ids}-customer`} label="Customer">
            <CustomerCombobox
              id={`${ids}-customer`}
              value={customer}
              onChange={(picked) => {
                setCustomer(picked);
                setAnswer(null);
              }}
            />
          </Field>
          <Field id={`${ids}-subtotal`} label="Subtotal (optional)" error={subtotalError ?? undefined}>
            <MoneyInput id={`${ids}-subtotal`} currency={currency} value={subtotal} onChange={(event) => setSubtotal(event.target.value)} aria-invalid={subtotalError ? true : undefined} />
          </Field>
          {/* Level with the inputs, below their labels (text-sm line + the field's 6px gap). */}
          <div className="sm:pt-[1.625rem]">
            <Button type="submit" disabled={isChecking} className="w-full sm:w-auto">
              {isChecking && <Loader2 className="animate-spin" aria-hidden />}
              Check
            </Button>
          </div>
        </form>
        <div role="status" aria-live="polite">
          {answer &&
            ('error' in answer ? (
              <p className="text-sm text-red-700">{answer.error}</p>
            ) : (
              <div className={cn('flex items-start gap-3 rounded-md border p-3 text-sm', answer.result.eligible ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-amber-200 bg-amber-50 text-amber-900')}>
                {answer.result.eligible ? <CircleCheck className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden /> : <CircleX className="mt-0.5 size-5 shrink-0 text-amber-600" aria-hidden />}
                <div>
                  <p className="font-medium">
                    {answer.customer.name} {answer.result.eligible ? 'is eligible' : 'is not eligible'}
                  </p>
                  <p data-testid="eligibility-reason">{answer.result.reason}</p>
                </div>
              </div>
            ))}
        </div>
      </CardContent>
    </Card>
  );
}
