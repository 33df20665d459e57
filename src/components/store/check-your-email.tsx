'use client';

import { Loader2, MailCheck } from 'lucide-react';
import { useEffect, useRef } from 'react';

import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { Button } from '@/components/ui/button';

import { STORE_SECONDARY_BUTTON_CLASS } from './store-styles';
import { useResendVerification } from './use-resend-verification';

/** After sign-up: where the link went, and a way to have it sent again. */
export function CheckYourEmail({ email }: { email: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { state, resend } = useResendVerification();
  const isHydrated = useIsHydrated();
  // The form this replaces had the focus: move it to the news, so keyboard and screen reader users hear it.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="space-y-4 text-center">
      <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-50 text-emerald-800">
        <MailCheck className="size-6" aria-hidden />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-stone-900 focus:outline-none">
        Check your email
      </h2>
      <p className="text-sm text-stone-600">
        We sent a link to <strong className="font-semibold [overflow-wrap:anywhere] text-stone-900">{email}</strong>. Open it to choose your password, which confirms
        your email and finishes creating your account. The link works for 24 hours.
      </p>
      <p className="text-sm text-stone-600">Nothing there? Look in your spam folder, or ask for a new link.</p>
      <Button type="button" variant="outline" className={STORE_SECONDARY_BUTTON_CLASS} disabled={state.kind === 'sending' || !isHydrated} onClick={() => resend(email)}>
        {state.kind === 'sending' && <Loader2 className="animate-spin" aria-hidden />}
        {state.kind === 'sending' ? 'Sending…' : 'Resend the link'}
      </Button>
      <p role="status" aria-live="polite" className={state.kind === 'failed' ? 'text-sm font-medium text-red-700' : 'text-sm text-emerald-800'}>
        {state.kind === 'sent' && 'We sent a new link. The older one still works until it expires.'}
        {state.kind === 'failed' && state.message}
      </p>
    </div>
  );
}
