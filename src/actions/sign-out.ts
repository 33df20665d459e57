'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { getStaffAuth } from '@/auth/staff-auth';

/** Ends the staff session (the nextCookies plugin clears the cookie) and returns to sign-in. */
export async function signOutAction(): Promise<void> {
  try {
    await getStaffAuth().api.signOut({ headers: await headers() });
  } catch (error) {
    // An already-expired session cannot be signed out again; the cookie is gone either way.
    console.warn('Sign-out failed', error);
  }
  redirect('/sign-in');
}
