import { ArrowRight, Package, ShieldCheck, UserRound } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { SHOP_NAME } from '@/lib/config';

import { getCustomerSession } from '../customer-session';

export const metadata: Metadata = { title: { absolute: SHOP_NAME } };

const PRIMARY_LINK_CLASS =
  'inline-flex h-11 items-center justify-center gap-2 rounded-full bg-emerald-800 px-6 text-sm font-medium text-white shadow-sm hover:bg-emerald-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-2';
const SECONDARY_LINK_CLASS =
  'inline-flex h-11 items-center justify-center rounded-full border border-stone-300 bg-white px-6 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-2';

const ACCOUNT_BENEFITS = [
  { icon: Package, title: 'Your orders', text: 'See what you ordered and where it is.' },
  { icon: UserRound, title: 'Your details', text: 'Keep your addresses and contact details up to date.' },
  { icon: ShieldCheck, title: 'Your choices', text: 'Decide which news and offers we may send you.' },
];

export default async function StoreHomePage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const session = await getCustomerSession();
  // Where deleting an account ends (actions/store-account.ts), signed out.
  const wasErased = (await searchParams).account === 'erased' && !session.isSignedIn;
  const firstName = session.isSignedIn ? session.name?.split(' ')[0] : undefined;

  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-emerald-50/70 to-stone-50">
        <div className="mx-auto max-w-5xl px-4 py-16 sm:px-6 sm:py-24">
          {wasErased && (
            <p role="status" className="mb-6 max-w-xl rounded-xl border border-emerald-200 bg-white p-4 text-sm text-stone-700">
              Your account is deleted and your personal data erased. Thank you for shopping with us.
            </p>
          )}
          <p className="text-sm font-medium uppercase tracking-widest text-emerald-800">Welcome</p>
          <h1 className="mt-3 max-w-2xl font-serif text-4xl leading-tight tracking-tight text-stone-900 sm:text-5xl">
            {firstName ? `Good to see you again, ${firstName}.` : SHOP_NAME}
          </h1>
          <p className="mt-4 max-w-xl text-base leading-relaxed text-stone-600 sm:text-lg">
            Welcome to our shop. Your account keeps your orders, addresses and preferences in one place, ready for next time.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            {session.isSignedIn ? (
              <Link href="/store/account" className={PRIMARY_LINK_CLASS}>
                Go to your account
                <ArrowRight className="size-4" aria-hidden />
              </Link>
            ) : (
              <>
                <Link href="/store/sign-up" className={PRIMARY_LINK_CLASS}>
                  Create an account
                  <ArrowRight className="size-4" aria-hidden />
                </Link>
                <Link href="/store/sign-in" className={SECONDARY_LINK_CLASS}>
                  Sign in
                </Link>
              </>
            )}
          </div>
        </div>
      </section>
      <section aria-labelledby="account-benefits" className="mx-auto max-w-5xl px-4 py-12 sm:px-6 sm:py-16">
        <h2 id="account-benefits" className="font-serif text-2xl tracking-tight text-stone-900">
          With an account
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          {ACCOUNT_BENEFITS.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm">
              <span className="flex size-10 items-center justify-center rounded-full bg-emerald-50 text-emerald-800">
                <Icon className="size-5" aria-hidden />
              </span>
              <h3 className="mt-4 font-semibold text-stone-900">{title}</h3>
              <p className="mt-1 text-sm text-stone-600">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
