'use client';

import { Download, Loader2, Trash2 } from 'lucide-react';
import * as React from 'react';

import { eraseMyAccountAction } from '@/actions/store-account';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { cn } from '@/lib/utils';

import { PasswordInput } from '../password-input';
import { STORE_SECONDARY_BUTTON_CLASS } from '../store-styles';

const SECTION_CLASS = 'space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6';

/**
 * The shopper's rights over their data: a copy of everything the shop stores about them, and deleting their account,
 * which erases their personal data at once once they type their password again.
 */
export function AccountDataSection() {
  const [isDeleting, setIsDeleting] = React.useState(false);
  const [password, setPassword] = React.useState('');
  const [error, setError] = React.useState<{ message: string; field?: string } | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const passwordId = React.useId();

  function erase(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      // On success the action signs out and goes to the front page; only a refusal comes back.
      const result = await eraseMyAccountAction({ password });
      if (!result.ok) setError({ message: result.fieldErrors[0]?.message ?? result.message, field: result.fieldErrors[0]?.path });
    });
  }

  return (
    <section aria-labelledby="your-data" className={SECTION_CLASS}>
      <div>
        <h2 id="your-data" className="font-semibold text-stone-900">
          Your data
        </h2>
        <p className="mt-1 text-sm text-stone-600">A copy of everything we keep about you: details, addresses, orders, messages we sent and your choices.</p>
      </div>
      <a href="/api/v1/store/me/export" download className={cn('inline-flex items-center gap-2 border px-5 text-sm font-medium', STORE_SECONDARY_BUTTON_CLASS)}>
        <Download className="size-4" aria-hidden />
        Download my data
      </a>
      <div className="border-t border-stone-100 pt-4">
        {!isDeleting ? (
          <Button variant="ghost" onClick={() => setIsDeleting(true)} className="h-11 rounded-full px-4 text-red-700 hover:bg-red-50 hover:text-red-800" aria-expanded={false}>
            <Trash2 aria-hidden />
            Delete my account…
          </Button>
        ) : (
          <form onSubmit={erase} className="space-y-4" aria-label="Delete my account">
            <div className="space-y-2 text-sm text-stone-700">
              <p className="font-medium text-stone-900">Delete your account and erase your personal data?</p>
              <p>
                Your name, email, phone, addresses and sign-in are erased straight away and cannot be brought back. Your past orders stay in the
                shop&apos;s accounts without your name, as the law on bookkeeping requires. You can sign up again later as a new customer.
              </p>
            </div>
            <Field id={passwordId} label="Your password, to confirm it is you" error={error?.field === 'password' ? error.message : undefined}>
              <PasswordInput
                id={passwordId}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="current-password"
                aria-invalid={error?.field === 'password' || undefined}
                aria-describedby={error?.field === 'password' ? `${passwordId}-error` : undefined}
                required
              />
            </Field>
            {error && error.field !== 'password' && (
              <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
                {error.message}
              </p>
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              <Button type="button" variant="outline" className={STORE_SECONDARY_BUTTON_CLASS} disabled={isPending} onClick={() => { setIsDeleting(false); setError(null); setPassword(''); }}>
                Keep my account
              </Button>
              <Button type="submit" variant="destructive" className="h-11 rounded-full px-5" disabled={isPending || password.length === 0}>
                {isPending && <Loader2 className="animate-spin" aria-hidden />}
                {isPending ? 'Deleting…' : 'Delete my account and data'}
              </Button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
