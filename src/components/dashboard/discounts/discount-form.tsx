'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2 } from 'lucide-react';
import Link from 'next/link';
import * as React from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';

import { createDiscountAction, updateDiscountAction } from '@/actions/discounts';
import { MoneyInput } from '@/components/dashboard/orders/money-input';
import { GroupCheckboxes } from '@/components/dashboard/group-checkboxes';
import { FormErrorAlert } from '@/components/forms/form-error-alert';
import { useSaveThenOpen } from '@/components/forms/use-save-then-open';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { currencySymbol } from '@/lib/format';

import { discountFormSchema, EMPTY_DISCOUNT, type DiscountFormOutput, type DiscountFormValues } from './discount-form-schema';

const FIELDS = Object.keys(EMPTY_DISCOUNT) as (keyof DiscountFormValues)[];

/** Create or edit a discount: checked in the browser by the shared discount schema and again by the service. */
export function DiscountForm({ groups, currency, discount }: { groups: { id: string; name: string }[]; currency: string; discount?: { id: string; version: number; values: DiscountFormValues } }) {
  const schema = React.useMemo(() => discountFormSchema(currency), [currency]);
  const form = useForm<DiscountFormValues, unknown, DiscountFormOutput>({
    resolver: zodResolver(schema) as unknown as Resolver<DiscountFormValues, unknown, DiscountFormOutput>,
    defaultValues: discount?.values ?? EMPTY_DISCOUNT,
  });
  const { register, handleSubmit, formState, control } = form;
  const { formError, isBusy, saveThenOpen } = useSaveThenOpen(form, FIELDS);
  const errors = formState.errors;
  const kind = useWatch({ control, name: 'kind' });
  const ids = React.useId();
  const id = (name: string) => `${ids}-${name}`;

  const onSubmit = (data: DiscountFormOutput) =>
    saveThenOpen((key) => (discount ? updateDiscountAction(discount.id, { ...data, version: discount.version }) : createDiscountAction(data, key)), (id) => `/dashboard/discounts/${id}`);
  const invalid = (name: keyof DiscountFormValues) => ({ 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': errors[name] ? `${id(name)}-error` : undefined });

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={discount ? 'Edit discount' : 'New discount'} className="space-y-6">
      <FormErrorAlert message={formError} />
      <Card>
        <CardContent className="grid gap-4 py-4 sm:grid-cols-2">
          <Field id={id('code')} label="Code" hint="What customers type: letters, digits, - and _; saved in capitals." error={errors.code?.message}>
            <Input id={id('code')} autoComplete="off" spellCheck={false} className="font-mono uppercase" {...register('code')} {...invalid('code')} />
          </Field>
          <Field id={id('description')} label="Description" hint="For staff; optional." error={errors.description?.message}>
            <Textarea id={id('description')} rows={1} {...register('description')} {...invalid('description')} />
          </Field>
          <Field id={id('kind')} label="Kind" error={errors.kind?.message}>
            <NativeSelect id={id('kind')} {...register('kind')} {...invalid('kind')}>
              <option value="percentage">Percentage off</option>
              <option value="fixed_amount">Fixed amount off</option>
            </NativeSelect>
          </Field>
          {kind === 'percentage' ? (
            <Field id={id('value')} label="Percent off" hint="Of the items subtotal, rounded down to the penny." error={errors.value?.message}>
              <div className="relative">
                <Input id={id('value')} inputMode="decimal" autoComplete="off" className="pr-8 text-right tabular-nums" {...register('value')} {...invalid('value')} />
                <span aria-hidden className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-sm text-slate-500">
                  %
                </span>
              </div>
            </Field>
          ) : (
            <Field id={id('value')} label={`Amount off (${currencySymbol(currency)})`} hint="Never more than the items subtotal." error={errors.value?.message}>
              <MoneyInput id={id('value')} currency={currency} {...register('value')} {...invalid('value')} />
            </Field>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardContent className="space-y-4 py-4">
          <Controller
            control={control}
            name="customerGroupIds"
            render={({ field }) => (
              <GroupCheckboxes
                id={id('customerGroupIds')}
                legend="Customer groups"
                hint="Only customers in these groups can use it. Choose none for everyone."
                groups={groups}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.customerGroupIds?.message ?? errors.customerGroupIds?.root?.message}
              />
            )}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={id('startsAt')} label="Starts" hint="Blank: usable now." error={errors.startsAt?.message}>
              <Input id={id('startsAt')} type="datetime-local" {...register('startsAt')} {...invalid('startsAt')} />
            </Field>
            <Field id={id('endsAt')} label="Ends" hint="Blank: never expires." error={errors.endsAt?.message}>
              <Input id={id('endsAt')} type="datetime-local" {...register('endsAt')} {...invalid('endsAt')} />
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id={id('minSubtotal')} label="Minimum subtotal" hint="Blank: any order." error={errors.minSubtotal?.message}>
              <MoneyInput id={id('minSubtotal')} currency={currency} {...register('minSubtotal')} {...invalid('minSubtotal')} />
            </Field>
            <Field id={id('usageLimit')} label="Total uses" hint="Blank: unlimited." error={errors.usageLimit?.message}>
              <Input id={id('usageLimit')} inputMode="numeric" autoComplete="off" {...register('usageLimit')} {...invalid('usageLimit')} />
            </Field>
            <Field id={id('perCustomerLimit')} label="Uses per customer" hint="Blank: unlimited." error={errors.perCustomerLimit?.message}>
              <Input id={id('perCustomerLimit')} inputMode="numeric" autoComplete="off" {...register('perCustomerLimit')} {...invalid('perCustomerLimit')} />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <Checkbox {...register('active')} />
            Active (customers can use it)
          </label>
        </CardContent>
      </Card>
      <div className="flex flex-wrap justify-end gap-2">
        <Link href={discount ? `/dashboard/discounts/${discount.id}` : '/dashboard/discounts'} className={buttonVariants({ variant: 'outline' })}>
          Cancel
        </Link>
        <Button type="submit" disabled={isBusy}>
          {isBusy && <Loader2 className="animate-spin" aria-hidden />}
          {discount ? 'Save changes' : 'Create discount'}
        </Button>
      </div>
    </form>
  );
}
