'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { cn } from '@/lib/utils';

const TABS = [
  { href: '/store/account', label: 'Overview', exact: true },
  { href: '/store/account/profile', label: 'Profile' },
  { href: '/store/account/addresses', label: 'Addresses' },
  { href: '/store/account/orders', label: 'Orders' },
];

/** The account's sections as tabs: four equal columns on a phone, a row of tabs from the small breakpoint up. */
export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Your account" className="border-b border-stone-200">
      <ul className="-mb-px grid grid-cols-4 sm:flex sm:gap-2">
        {TABS.map((tab) => {
          const isCurrent = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href} className="min-w-0">
              <Link
                href={tab.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={cn(
                  'flex h-11 items-center justify-center truncate border-b-2 px-1 text-sm font-medium transition-colors focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-emerald-700 sm:px-3',
                  isCurrent ? 'border-emerald-800 text-stone-900' : 'border-transparent text-stone-500 hover:border-stone-300 hover:text-stone-800',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
