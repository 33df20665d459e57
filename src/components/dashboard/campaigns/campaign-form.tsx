'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2 } from 'lucide-react';
import Link from 'next/link';
import * as React from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';

import { createCampaignAction, updateCampaignAction } from '@/actions/campaigns';
import { GroupCheckboxes } from '@/components/dashboard/group-checkboxes';
import { FormErrorAlert } from '@/components/forms/form-error-alert';
import { useSaveThenOpen } from '@/components/forms/use-save-then-open';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { CAMPAIGN_PLACEHOLDERS, campaignCreateSchema, type CampaignCreateInput } from '@/lib/validation/campaign';

import { SmsSegmentCounter } from './sms-segment-counter';

type Values = { name: string; channel: 'email' | 'sms'; subject: string; body: string; customerGroupIds: string[] };
const FIELDS = ['name', 'channel', 'subject', 'body', 'customerGroupIds'] as const;

const PLACEHOLDER_HELP: Record<(typeof CAMPAIGN_PLACEHOLDERS)[number], string> = {
  firstName: 'first name ("there" when empty)',
  lastName: 'last name',
  fullName: 'first and last name ("there" when empty)',
  shopName: 'the shop name',
};

/** Compose or edit a draft: checked in the browser by the shared campaign schema and again by the service. */
export function CampaignForm({ groups, campaign }: { groups: { id: string; name: string }[]; campaign?: Values & { id: string; version: number } }) {
  const bodyRef = React.useRef<HTMLTextAreaElement | null>(null);
  const form = useForm<Values, unknown, CampaignCreateInput>({
    resolver: zodResolver(campaignCreateSchema) as unknown as Resolver<Values, unknown, CampaignCreateInput>,
    defaultValues: campaign ?? { name: '', channel: 'email', subject: '', body: 'Hello {{firstName}},\n\n\n\n— {{shopName}}', customerGroupIds: [] },
  });
  const { register, handleSubmit, formState, control, getValues, setValue } = form;
  const { formError, isBusy, saveThenOpen } = useSaveThenOpen(form, FIELDS);
  const errors = formState.errors;
  const channel = useWatch({ control, name: 'channel' });
  const body = useWatch({ control, name: 'body' });
  const ids = React.useId();
  const id = (name: string) => `${ids}-${name}`;
  const bodyField = register('body');

  function insertPlaceholder(name: string) {
    const textarea = bodyRef.current;
    const body = getValues('body');
    const token = `{{${name}}}`;
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? body.length;
    setValue('body', body.slice(0, start) + token + body.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const onSubmit = (data: CampaignCreateInput) =>
    saveThenOpen((key) => (campaign ? updateCampaignAction(campaign.id, { ...data, version: campaign.version }) : createCampaignAction(data, key)), (id) => `/dashboard/campaigns/${id}`);
  const invalid = (name: keyof Values) => ({ 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': errors[name] ? `${id(name)}-error` : undefined });

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={campaign ? 'Edit campaign' : 'New campaign'} className="space-y-6">
      <FormErrorAlert message={formError} />
      <Card>
        <CardContent className="grid gap-4 py-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
          <Field id={id('name')} label="Name" hint="For staff only; recipients never see it." error={errors.name?.message}>
            <Input id={id('name')} {...register('name')} {...invalid('name')} />
          </Field>
          <Field id={id('channel')} label="Channel" error={errors.channel?.message}>
            <NativeSelect id={id('channel')} {...register('channel')} {...invalid('channel')}>
              <option value="email">Email</option>
              <option value="sms">SMS</option>
            </NativeSelect>
          </Field>
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
                legend="Send to"
                hint={`Members of these groups who agreed to receive ${channel === 'sms' ? 'text messages and have a phone number' : 'marketing emails and have an email address'}.`}
                groups={groups}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.customerGroupIds?.message ?? errors.customerGroupIds?.root?.message}
              />
            )}
          />
          {channel === 'email' && (
            <Field id={id('subject')} label="Subject" error={errors.subject?.message}>
              <Input id={id('subject')} {...register('subject')} {...invalid('subject')} />
            </Field>
          )}
          <Field id={id('body')} label="Message" error={errors.body?.message}>
            <Textarea
              id={id('body')}
              rows={channel === 'sms' ? 4 : 10}
              {...bodyField}
              ref={(element) => {
                bodyField.ref(element);
                bodyRef.current = element;
              }}
              {...invalid('body')}
              aria-describedby={[invalid('body')['aria-describedby'], channel === 'sms' ? id('segments') : undefined].filter(Boolean).join(' ') || undefined}
            />
            {channel === 'sms' && <SmsSegmentCounter id={id('segments')} body={body ?? ''} />}
          </Field>
          <div className="rounded-md bg-slate-50 p-3 text-xs text-slate-600">
            <p className="font-medium text-slate-800">Placeholders, filled in for each recipient (click to insert):</p>
            <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5">
              {CAMPAIGN_PLACEHOLDERS.map((name) => (
                <li key={name}>
                  <button type="button" onClick={() => insertPlaceholder(name)} className="rounded bg-white px-1.5 py-0.5 font-mono text-indigo-700 ring-1 ring-slate-200 hover:bg-indigo-50">
                    {`{{${name}}}`}
                  </button>{' '}
                  {PLACEHOLDER_HELP[name]}
                </li>
              ))}
            </ul>
          </div>
        </CardContent>
      </Card>
      <div className="flex flex-wrap justify-end gap-2">
        <Link href={campaign ? `/dashboard/campaigns/${campaign.id}` : '/dashboard/campaigns'} className={buttonVariants({ variant: 'outline' })}>
          Cancel
        </Link>
        <Button type="submit" disabled={isBusy}>
          {isBusy && <Loader2 className="animate-spin" aria-hidden />}
          {campaign ? 'Save changes' : 'Save draft'}
        </Button>
      </div>
    </form>
  );
}
