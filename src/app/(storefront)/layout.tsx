import type { Metadata } from 'next';
import Link from 'next/link';

import { STORE_LINK_CLASS } from '@/components/store/store-styles';
import { SHOP_NAME } from '@/lib/config';

import { getCustomerSession } from './customer-session';

export const metadata: Metadata = { title: { default: SHOP_NAME, template: `%s · ${SHOP_NAME}` } };

const NAV_LINK_CLASS =
  'rounded-full px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700';
const NAV_PILL_CLASS =
  'rounded-full bg-emerald-800 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-emerald-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-2';

/** The shop's frame: its name, the account links, a footer. Account pages add their own navigation inside. */
export default async function StorefrontLayout({ children }: { children: React.ReactNode }) {
  const signedIn = (await getCustomerSession()).isSignedIn;
  return (
    <div className="flex min-h-screen flex-col bg-stone-50 text-stone-900">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-stone-900 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:outline-none focus:ring-2 focus:ring-emerald-700"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
          <Link
            href="/store"
            className="truncate rounded-sm font-serif text-xl tracking-tight text-stone-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-2"
          >
            {SHOP_NAME}
          </Link>
          <nav aria-label="Account" className="flex shrink-0 items-center gap-1 sm:gap-2">
            {signedIn ? (
              <Link href="/store/account" className={NAV_PILL_CLASS}>
                Your account
              </Link>
            ) : (
              <>
                <Link href="/store/sign-in" className={NAV_LINK_CLASS}>
                  Sign in
                </Link>
                <Link href="/store/sign-up" className={NAV_PILL_CLASS}>
                  Create account
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>
            © {new Date().getFullYear()} {SHOP_NAME}
          </p>
          <nav aria-label="Footer" className="flex gap-5">
            <Link href="/store" className={STORE_LINK_CLASS}>
              Home
            </Link>
            <Link href={signedIn ? '/store/account' : '/store/sign-in'} className={STORE_LINK_CLASS}>
              {signedIn ? 'Your account' : 'Sign in'}
            </Link>
          </nav>
        </div>
      </footer>
    </div>
  );
}
