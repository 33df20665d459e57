'use server';

import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { createApiKey, revokeApiKey, type ApiKeySummary } from '@/services/api-keys';

const API_KEYS_PATH = '/dashboard/settings/api-keys';

export type CreateApiKeyState = ActionResult<{ key: string; apiKey: ApiKeySummary }> | null;

/** Form action: creates a key and answers the plain key, which is shown once and never stored. */
export async function createApiKeyAction(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  // Outside toActionResult: requireStaff redirects by throwing, and that must reach Next.js.
  const actor = await requireStaff();
  const result = await toActionResult(() => createApiKey({ actor, input: { name: String(formData.get('name') ?? ''), role: formData.get('role') as 'admin' | 'staff' } }));
  if (result.ok) revalidatePath(API_KEYS_PATH);
  return result;
}

/** Revokes a key at once; requests with it get 401 from then on. */
export async function revokeApiKeyAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => {
    await revokeApiKey({ actor, id });
    return undefined;
  });
  if (result.ok) revalidatePath(API_KEYS_PATH);
  return result;
}
