'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { cn } from '@/lib/utils';

/** A sidebar link that marks itself as the current page for the path it leads to and everything below it. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  // The overview at /dashboard is active only on itself, not under every dashboard page.
  const isActive = pathname === href || (href !== '/dashboard' && pathname.startsWith(`${href}/`));
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
