'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { CircleCheck, Loader2 } from 'lucide-react';
import * as React from 'react';
import { get, useForm, type FieldPath, type Resolver } from 'react-hook-form';

import { updateClassificationRulesAction } from '@/actions/classification-settings';
import { MoneyInput } from '@/components/dashboard/orders/money-input';
import { FormErrorAlert } from '@/components/forms/form-error-alert';
import { useServerErrors } from '@/components/forms/use-server-errors';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import {
  classificationRulesFormSchema,
  type ClassificationRules,
  type ClassificationRulesFormOutput,
  type ClassificationRulesFormValues,
} from '@/lib/validation/classification';

type Path = FieldPath<ClassificationRulesFormValues>;
// Page order: the first server error in this order gets focus; a path on none of these shows above the form.
const FIELDS: readonly Path[] = [
  'wholesaler.isEnabled', 'wholesaler.groupName', 'wholesaler.minAverageItemsPerOrder', 'wholesaler.minOrders',
  'vip.isEnabled', 'vip.groupName', 'vip.topSpendPercent', 'vip.minTotalSpend', 'vip.minOrders',
  'fallback.groupName',
];

/** The stored rules as the form shows them: the VIP spend in major units ("5000.00"). */
export type ClassificationRulesFormDefaults = Omit<ClassificationRules, 'vip'> & { vip: Omit<ClassificationRules['vip'], 'minTotalSpend'> & { minTotalSpend: string } };

/** Owners and admins tune the built-in rules: checked in the browser by the shared schema and again by the service. */
export function ClassificationRulesForm({ currency, groups, values }: { currency: string; groups: string[]; values: ClassificationRulesFormDefaults }) {
  const [isSaved, setIsSaved] = React.useState(false);
  const schema = React.useMemo(() => classificationRulesFormSchema(currency), [currency]);
  const form = useForm<ClassificationRulesFormValues, unknown, ClassificationRulesFormOutput>({
    resolver: zodResolver(schema) as unknown as Resolver<ClassificationRulesFormValues, unknown, ClassificationRulesFormOutput>,
    defaultValues: values,
  });
  const { register, handleSubmit, formState } = form;
  const { formError, clearFormError, showServerErrors } = useServerErrors(form, FIELDS);
  const ids = React.useId();
  const id = (name: Path) => `${ids}-${name.replace('.', '-')}`;
  const errorOf = (name: Path): string | undefined => (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const invalid = (name: Path) => ({ 'aria-invalid': errorOf(name) ? true : undefined, 'aria-describedby': errorOf(name) ? `${id(name)}-error` : undefined });
  // The stored values are also rendered into the HTML, so the form shows them before it hydrates.
  const initial = (name: Path) => get(values, name) as string | number | boolean;
  // A stored group that was since deleted still shows, so the select does not silently pick another.
  const options = (current: string) => (groups.some((g) => g.toLowerCase() === current.toLowerCase()) ? groups : [current, ...groups]);

  async function onSubmit(data: ClassificationRulesFormOutput) {
    clearFormError();
    setIsSaved(false);
    const result = await updateClassificationRulesAction(data);
    if (result.ok) {
      setIsSaved(true);
      return;
    }
    showServerErrors(result);
  }

  const groupSelect = (name: 'wholesaler.groupName' | 'vip.groupName' | 'fallback.groupName', label: string, current: string) => (
    <Field id={id(name)} label={label} error={errorOf(name)}>
      <NativeSelect id={id(name)} defaultValue={String(initial(name))} {...register(name)} {...invalid(name)}>
        {options(current).map((group) => (
          <option key={group} value={group}>
            {group}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
  const number = (name: Path, label: string, hint: string, step = '1') => (
    <Field id={id(name)} label={label} hint={hint} error={errorOf(name)}>
      <Input id={id(name)} type="number" inputMode="decimal" step={step} min={0} defaultValue={String(initial(name))} {...register(name)} {...invalid(name)} />
    </Field>
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Classification rules" className="space-y-6">
      <FormErrorAlert message={formError} />

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">1. Large orders</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <Checkbox defaultChecked={values.wholesaler.isEnabled} {...register('wholesaler.isEnabled')} />
          Check this rule
        </label>
        <div className="grid gap-4 sm:grid-cols-3">
          {groupSelect('wholesaler.groupName', 'Suggest the group', values.wholesaler.groupName)}
          {number('wholesaler.minAverageItemsPerOrder', 'Items per order, on average', 'Units across all lines of an order.')}
          {number('wholesaler.minOrders', 'Completed orders, at least', 'So one big order is not enough.')}
        </div>
      </fieldset>

      <fieldset className="space-y-4 border-t border-slate-200 pt-6">
        <legend className="sr-only">2. Top spenders</legend>
        <p aria-hidden className="text-sm font-semibold text-slate-900">2. Top spenders</p>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <Checkbox defaultChecked={values.vip.isEnabled} {...register('vip.isEnabled')} />
          Check this rule
        </label>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {groupSelect('vip.groupName', 'Suggest the group', values.vip.groupName)}
          {number('vip.topSpendPercent', 'Top share by 12-month spend (%)', 'Among customers who bought in the last 12 months.', '0.1')}
          <Field id={id('vip.minTotalSpend')} label="Or total spend of" hint="Blank or 0: rank only." error={errorOf('vip.minTotalSpend')}>
            <MoneyInput id={id('vip.minTotalSpend')} currency={currency} defaultValue={values.vip.minTotalSpend} {...register('vip.minTotalSpend')} {...invalid('vip.minTotalSpend')} />
          </Field>
          {number('vip.minOrders', 'Completed orders, at least', 'Before either test counts.')}
        </div>
      </fieldset>

      <fieldset className="space-y-4 border-t border-slate-200 pt-6">
        <legend className="sr-only">3. Everyone else</legend>
        <p aria-hidden className="text-sm font-semibold text-slate-900">3. Everyone else</p>
        <div className="grid gap-4 sm:grid-cols-3">{groupSelect('fallback.groupName', 'Suggest the group', values.fallback.groupName)}</div>
      </fieldset>

      <div className="flex flex-wrap items-center justify-end gap-3">
        {isSaved && (
          <p role="status" className="flex items-center gap-1.5 text-sm text-emerald-700">
            <CircleCheck className="size-4" aria-hidden />
            Saved. New suggestions use these rules.
          </p>
        )}
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
          Save rules
        </Button>
      </div>
    </form>
  );
}
