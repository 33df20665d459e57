'use server';

import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import type { WebhookEndpoint, WebhookEventType } from '@/lib/webhook-events';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '@/services/webhooks';

const WEBHOOKS_PATH = '/dashboard/settings/webhooks';

export type WebhookSecretState = ActionResult<{ secret: string; endpoint: WebhookEndpoint }> | null;
export type WebhookEndpointState = ActionResult<WebhookEndpoint> | null;

/** The endpoint fields of the add and edit forms (components/dashboard/webhooks/webhook-endpoint-fields.tsx). */
function endpointFieldsOf(formData: FormData) {
  return {
    url: String(formData.get('url') ?? ''),
    description: String(formData.get('description') ?? ''),
    events: formData.getAll('events').map(String) as WebhookEventType[],
  };
}

/** Form action: adds an endpoint and answers its signing secret, which is shown once. */
export async function createWebhookEndpointAction(_previous: WebhookSecretState, formData: FormData): Promise<WebhookSecretState> {
  // Outside toActionResult: requireStaff redirects by throwing, and that must reach Next.js.
  const actor = await requireStaff();
  const result = await toActionResult(() =>
    createWebhookEndpoint({
      actor,
      input: endpointFieldsOf(formData),
    }),
  );
  if (result.ok) revalidatePath(WEBHOOKS_PATH);
  return result;
}

/** Form action: changes an endpoint's URL, description and events (its secret and state stay). */
export async function updateWebhookEndpointAction(id: string, _previous: WebhookEndpointState, formData: FormData): Promise<WebhookEndpointState> {
  const actor = await requireStaff();
  const result = await toActionResult(() => updateWebhookEndpoint({ actor, id, input: endpointFieldsOf(formData) }));
  if (result.ok) revalidatePath(WEBHOOKS_PATH, 'layout');
  return result;
}

export async function rotateWebhookSecretAction(id: string): Promise<ActionResult<{ secret: string; endpoint: WebhookEndpoint }>> {
  const actor = await requireStaff();
  const result = await toActionResult(() => rotateWebhookSecret({ actor, id }));
  if (result.ok) revalidatePath(WEBHOOKS_PATH);
  return result;
}

export async function setWebhookEnabledAction(id: string, enabled: boolean): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => void (await updateWebhookEndpoint({ actor, id, input: { enabled } })));
  if (result.ok) revalidatePath(WEBHOOKS_PATH, 'layout');
  return result;
}

export async function deleteWebhookEndpointAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => void (await deleteWebhookEndpoint({ actor, id })));
  if (result.ok) revalidatePath(WEBHOOKS_PATH);
  return result;
}

export async function sendTestWebhookAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => void (await sendTestWebhook({ actor, endpointId: id })));
  if (result.ok) revalidatePath(WEBHOOKS_PATH, 'layout');
  return result;
}

export async function resendWebhookDeliveryAction(endpointId: string, deliveryId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => void (await resendWebhookDelivery({ actor, endpointId, deliveryId })));
  if (result.ok) revalidatePath(`${WEBHOOKS_PATH}/${endpointId}`);
  return result;
}
