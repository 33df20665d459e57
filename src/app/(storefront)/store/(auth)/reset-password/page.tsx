import { AlertCircle } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { getCustomerAuth } from '@/auth/customer-auth';
import { isPasswordResetTokenUsable } from '@/auth/store-email-confirmation';
import { ResetPasswordForm } from '@/components/store/reset-password-form';
import { StoreAuthPanel } from '@/components/store/store-auth-panel';
import { FORGOT_PASSWORD_PATH } from '@/lib/store-paths';
import { STORE_BUTTON_CLASS } from '@/components/store/store-styles';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Choose a new password' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The emailed reset link lands here (through better-auth) with `?token=`, or `?error=INVALID_TOKEN` when it failed.
 * The token is checked here too, so a used or expired link (opened again, or from the history) says so at once
 * instead of showing a form that can only fail.
 */
export default async function StoreResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const token = first(params.token);

  const usable = token && !first(params.error) ? await isPasswordResetTokenUsable((await getCustomerAuth().$context).internalAdapter, token) : false;

  if (!token || !usable) {
    return (
      <StoreAuthPanel title="This link does not work">
        <div className="space-y-4">
          <Alert variant="destructive">
            <AlertCircle aria-hidden />
            <p>The password reset link has expired or was already used. Links work for one hour and only once.</p>
          </Alert>
          <Link href={FORGOT_PASSWORD_PATH} className={cn(buttonVariants(), STORE_BUTTON_CLASS)}>
            Ask for a new link
          </Link>
        </div>
      </StoreAuthPanel>
    );
  }

  return (
    <StoreAuthPanel title="Choose a new password" description="Pick one you do not use anywhere else.">
      <ResetPasswordForm token={token} />
    </StoreAuthPanel>
  );
}
