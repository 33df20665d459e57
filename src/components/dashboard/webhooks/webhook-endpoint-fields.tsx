import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhook-events';

/** URL, description and events of an endpoint, as form fields named like the API's: shared by the add and edit forms. */
export function WebhookEndpointFields({
  idPrefix,
  errors,
  values,
}: {
  idPrefix: string;
  errors: Partial<Record<'url' | 'description' | 'events', string>>;
  values?: { url: string; description: string; events: readonly WebhookEventType[] };
}) {
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={`${idPrefix}-url`} label="Endpoint URL" error={errors.url} hint="Where the shop POSTs events, e.g. https://example.com/webhooks.">
          <Input
            id={`${idPrefix}-url`}
            name="url"
            type="url"
            required
            maxLength={2000}
            autoComplete="off"
            placeholder="https://"
            defaultValue={values?.url}
            aria-invalid={errors.url ? true : undefined}
          />
        </Field>
        <Field id={`${idPrefix}-description`} label="Description" error={errors.description} hint="Optional: what receives it.">
          <Input id={`${idPrefix}-description`} name="description" maxLength={500} autoComplete="off" defaultValue={values?.description} />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Events</legend>
        <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
              <Checkbox name="events" value={type} defaultChecked={values?.events.includes(type)} />
              <code className="text-xs">{type}</code>
            </label>
          ))}
        </div>
        {errors.events && (
          <p className="mt-2 text-sm text-red-700" role="alert">
            {errors.events}
          </p>
        )}
      </fieldset>
    </>
  );
}

