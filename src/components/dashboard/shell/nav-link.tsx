'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { cn } from '@/lib/utils';

import { currentNavHref } from './nav-items';

/** A sidebar link that marks itself as the current page when it is the closest of the sidebar's links (`allHrefs`). */
export function NavLink({ href, allHrefs, children }: { href: string; allHrefs: string[]; children: React.ReactNode }) {
  const isActive = currentNavHref(usePathname(), allHrefs) === href;
  return (
    <Link
      href={href}
      aria-current={isActive ? 'page' : undefined}
      className={cn(
        'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 [&_svg]:size-4 [&_svg]:shrink-0',
        isActive ? 'bg-indigo-50 text-indigo-700 [&_svg]:text-indigo-600' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900 [&_svg]:text-slate-400',
      )}
    >
      {children}
    </Link>
  );
}
