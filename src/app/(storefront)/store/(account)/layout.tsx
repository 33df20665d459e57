import { requireCustomer } from '@/auth/require-customer';
import { AccountNav } from '@/components/store/account/account-nav';
import { SignOutButton } from '@/components/store/account/sign-out-button';

// The customer's account: who is signed in, the sections as tabs, and a way out. Each page checks the session again.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireCustomer();
  return (
    <div className="mx-auto w-full max-w-5xl px-4 pb-16 pt-6 sm:px-6 sm:pt-10">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-stone-500">Your account</p>
          <p className="truncate text-lg font-semibold text-stone-900">{actor.name || 'Customer'}</p>
        </div>
        <SignOutButton />
      </div>
      <div className="mt-4">
        <AccountNav />
      </div>
      <div className="pt-6 sm:pt-8">{children}</div>
    </div>
  );
}
