'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2 } from 'lucide-react';
import Link from 'next/link';
import * as React from 'react';
import { Controller, FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form';

import { createOrderAction } from '@/actions/orders';
import { FormErrorAlert } from '@/components/forms/form-error-alert';
import { useSaveThenOpen } from '@/components/forms/use-save-then-open';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { CustomerAddress, CustomerOption } from '@/lib/types';

import { CustomerCombobox } from './customer-combobox';
import { defaultAddressIds, OrderAddressChoices } from './order-address-choices';
import { placeOrderError } from './order-form-errors';
import { MoneyInput } from './money-input';
import { EMPTY_ITEM, orderFormSchema, previewTotals, type OrderFormOutput, type OrderFormValues } from './order-form-schema';
import { OrderItemLines } from './order-item-lines';
import { OrderTotalsPreview } from './order-totals-preview';

type AdjustmentName = 'discountTotal' | 'taxTotal' | 'shippingTotal';
const ADJUSTMENTS: { name: AdjustmentName; label: string; hint?: string }[] = [
  { name: 'discountTotal', label: 'Discount', hint: 'Taken off the items subtotal.' },
  { name: 'taxTotal', label: 'Tax' },
  { name: 'shippingTotal', label: 'Shipping' },
];

/** Staff enter an order for a customer: checked in the browser by the shared order schema and again by the service. */
export function OrderForm({ currency, customer: initialCustomer, addresses: initialAddresses = [] }: { currency: string; customer: CustomerOption | null; addresses?: CustomerAddress[] }) {
  const [customer, setCustomer] = React.useState<CustomerOption | null>(initialCustomer);
  // Stays true while the browser moves to the new order, so a second click cannot place it twice.
  const schema = React.useMemo(() => orderFormSchema(currency), [currency]);
  const form = useForm<OrderFormValues, unknown, OrderFormOutput>({
    // The schema reads text boxes (strings) and produces the create input (integers of minor units).
    resolver: zodResolver(schema) as Resolver<OrderFormValues, unknown, OrderFormOutput>,
    defaultValues: { customerId: initialCustomer?.id ?? '', ...defaultAddressIds(initialAddresses), items: [{ ...EMPTY_ITEM }], discountCode: '', discountTotal: '', taxTotal: '', shippingTotal: '' },
  });
  const { register, handleSubmit, formState, control } = form;
  const { formError, isBusy, saveThenOpen } = useSaveThenOpen(form, placeOrderError);
  const errors = formState.errors;
  const watched = useWatch({ control, name: ['items', 'discountTotal', 'taxTotal', 'shippingTotal'] });
  const totals = previewTotals({ items: watched[0], discountTotal: watched[1], taxTotal: watched[2], shippingTotal: watched[3] }, currency);
  const ids = React.useId();
  const id = (name: string) => `${ids}-${name}`;

  const onSubmit = (data: OrderFormOutput) => saveThenOpen((key) => createOrderAction(data, key), (id) => `/dashboard/orders/${id}`);

  return (
    <FormProvider {...form}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="New order" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <FormErrorAlert message={formError} className="lg:col-span-2" />
        <div className="min-w-0 space-y-6">
          <Card>
            <CardContent className="space-y-4 py-4">
              <Field id={id('customer')} label="Customer" error={errors.customerId?.message}>
                <Controller
                  control={control}
                  name="customerId"
                  render={({ field }) => (
                    <CustomerCombobox
                      id={id('customer')}
                      value={customer}
                      inputRef={field.ref}
                      invalid={Boolean(errors.customerId)}
                      describedBy={errors.customerId ? `${id('customer')}-error` : undefined}
                      onChange={(next) => {
                        setCustomer(next);
                        field.onChange(next?.id ?? '');
                      }}
                    />
                  )}
                />
              </Field>
              <OrderAddressChoices
                customerId={customer?.id ?? ''}
                initial={initialCustomer ? { customerId: initialCustomer.id, addresses: initialAddresses } : null}
                idPrefix={id('address')}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Items</CardTitle>
              <span className="text-xs text-slate-500">Prices in {currency}, before tax</span>
            </CardHeader>
            <CardContent className="py-4">
              <OrderItemLines currency={currency} lineTotals={totals.lineTotals} />
            </CardContent>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Summary</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4 py-4">
              <Field
                id={id('discountCode')}
                label="Discount code"
                error={errors.discountCode?.message}
                hint="Checked when the order is placed (group, dates, limits, minimum subtotal); its amount replaces the discount below."
              >
                <Input
                  id={id('discountCode')}
                  autoComplete="off"
                  spellCheck={false}
                  className="font-mono uppercase"
                  {...register('discountCode')}
                  aria-invalid={errors.discountCode ? true : undefined}
                  aria-describedby={errors.discountCode ? `${id('discountCode')}-error` : `${id('discountCode')}-hint`}
                />
              </Field>
              {ADJUSTMENTS.map(({ name, label, hint }) => (
                <Field key={name} id={id(name)} label={label} error={errors[name]?.message} hint={hint}>
                  <MoneyInput
                    currency={currency}
                    {...register(name)}
                    id={id(name)}
                    aria-invalid={errors[name] ? true : undefined}
                    aria-describedby={errors[name] ? `${id(name)}-error` : hint ? `${id(name)}-hint` : undefined}
                    placeholder="0"
                  />
                </Field>
              ))}
              <OrderTotalsPreview totals={totals} currency={currency} />
            </CardContent>
          </Card>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end lg:flex-col-reverse">
            <Link href={initialCustomer ? `/dashboard/customers/${initialCustomer.id}` : '/dashboard/orders'} className={buttonVariants({ variant: 'outline' })}>
              Cancel
            </Link>
            <Button type="submit" disabled={isBusy}>
              {isBusy && <Loader2 className="animate-spin" aria-hidden />}
              {isBusy ? 'Placing order…' : 'Place order'}
            </Button>
          </div>
          <p className="text-xs text-slate-500">The order is placed as pending. Complete it from its page to count it in the customer’s spend.</p>
        </div>
      </form>
    </FormProvider>
  );
}
