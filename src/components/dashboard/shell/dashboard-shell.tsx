import { Users } from 'lucide-react';
import Link from 'next/link';

import type { StaffRole } from '@/lib/types';
import { SHOP_NAME } from '@/lib/config';

import { DashboardNav } from './dashboard-nav';
import { MobileNav } from './mobile-nav';
import { UserMenu } from './user-menu';

function Brand() {
  return (
    <Link href="/dashboard/customers" className="flex items-center gap-2.5 rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
      <span aria-hidden className="flex size-8 items-center justify-center rounded-lg bg-indigo-600 text-white">
        <Users className="size-4" />
      </span>
      <span className="min-w-0 leading-tight">
        <span className="block text-sm font-semibold text-slate-900">Customers</span>
        <span className="block truncate text-xs text-slate-500">{SHOP_NAME}</span>
      </span>
    </Link>
  );
}

/** Sidebar (a menu button below md), header with the signed-in staff member, and the page. */
export function DashboardShell({ staff, children }: { staff: { name: string; email: string; role: StaffRole }; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:outline-none focus:ring-2 focus:ring-indigo-500"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col border-r border-slate-200 bg-white md:flex">
        <div className="flex h-14 items-center border-b border-slate-100 px-4">
          <Brand />
        </div>
        <div className="flex-1 overflow-y-auto p-3">
          <DashboardNav role={staff.role} />
        </div>
      </aside>
      <div className="md:pl-60">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/90 px-3 backdrop-blur sm:px-6">
          <MobileNav brand={<Brand />}>
            <DashboardNav role={staff.role} />
          </MobileNav>
          <div className="md:hidden">
            <Brand />
          </div>
          <div className="ml-auto">
            <UserMenu name={staff.name} email={staff.email} role={staff.role} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1600px] px-4 py-6 focus:outline-none sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
