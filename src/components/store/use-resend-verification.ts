'use client';

import { useState } from 'react';

import { runAuthRequest } from '@/components/forms/auth-request';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage } from './auth-failure';
import { VERIFY_EMAIL_PATH } from '@/lib/store-paths';

export type ResendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; email: string } | { kind: 'failed'; message: string };

/** Asks for a new verification link; the answer is the same whether or not the email has an unverified account. */
export function useResendVerification() {
  const [state, setState] = useState<ResendState>({ kind: 'idle' });
  /** `callbackURL` carries where to go once confirmed (the verify-email page with `?next=`). */
  async function resend(email: string, callbackURL = VERIFY_EMAIL_PATH) {
    setState({ kind: 'sending' });
    const failure = await runAuthRequest((fetchOptions) => storeAuthClient.sendVerificationEmail({ email, callbackURL }, fetchOptions));
    setState(failure ? { kind: 'failed', message: commonFailureMessage(failure) } : { kind: 'sent', email });
  }
  return { state, resend };
}
