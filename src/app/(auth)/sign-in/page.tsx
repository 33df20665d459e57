import { CheckCircle2, Users } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { getStaffActor } from '@/auth/require-staff';
import { StaffSignInForm } from '@/components/dashboard/auth/staff-sign-in-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';

import { safeNextPath } from './safe-next-path';

export const metadata: Metadata = { title: 'Sign in' };

// What the page says after a mailed link was used.
const NOTICES: Record<string, string> = {
  'invitation-accepted': 'Welcome to the team. Sign in with your email and the password you chose.',
  'password-reset': 'Your password is changed, and every other device is signed out. Sign in with the new one.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const notice = typeof params.notice === 'string' ? NOTICES[params.notice] : undefined;
  if (await getStaffActor()) redirect(next);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-indigo-600 text-white shadow-sm">
            <Users className="size-5" aria-hidden />
          </span>
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">Sign in to Customers</h1>
            <p className="mt-1 text-sm text-slate-600">The staff dashboard of your store.</p>
          </div>
        </div>
        {notice && (
          <Alert variant="success" role="status" className="mb-4">
            <CheckCircle2 aria-hidden />
            <p>{notice}</p>
          </Alert>
        )}
        <Card className="p-6">
          <StaffSignInForm next={next} />
        </Card>
        <p className="mt-6 text-center text-xs text-slate-500">Staff accounts are made by invitation from the shop owner. Ask them if you cannot sign in.</p>
      </div>
    </main>
  );
}
