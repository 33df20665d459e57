'use client';

import { Loader2, LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

import { storeAuthClient } from '../auth-client';
import { STORE_SECONDARY_BUTTON_CLASS } from '../store-styles';

/** Ends the store session (POST /api/store/auth/sign-out) and goes to the shop's front page. */
export function SignOutButton() {
  const router = useRouter();
  const [isPending, setPending] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    const { error: failure } = await storeAuthClient.signOut().catch(() => ({ error: true }));
    if (failure) {
      setPending(false);
      setError('Could not sign you out. Check your connection and try again.');
      return;
    }
    router.push('/store');
    // Drop the account pages the router cached for this session.
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="outline" onClick={signOut} disabled={isPending} className={cn(STORE_SECONDARY_BUTTON_CLASS, 'h-9 px-3')}>
        {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <LogOut aria-hidden />}
        {isPending ? 'Signing out…' : 'Sign out'}
      </Button>
      {error && (
        <p role="alert" className="max-w-56 text-right text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
