'use client';

import { ChevronDown, Loader2, LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useTransition } from 'react';

import { Badge } from '@/components/ui/badge';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { initials } from '@/lib/initials';
import { ROLE_LABELS } from '@/lib/team-types';
import type { StaffRole } from '@/lib/types';

import { signOutAction } from '@/actions/sign-out';

/** The signed-in staff member's name and role, opening a menu with Sign out. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: StaffRole }) {
  const [isSigningOut, startSignOut] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex items-center gap-2 rounded-md py-1 pl-1 pr-2 text-left hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        aria-label={`Account: ${name}, ${ROLE_LABELS[role]}`}
      >
        <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700">
          {initials(name)}
        </span>
        <span className="hidden min-w-0 sm:block">
          <span className="block max-w-40 truncate text-sm font-medium text-slate-900">{name}</span>
          <span className="block text-xs text-slate-600">{ROLE_LABELS[role]}</span>
        </span>
        <ChevronDown className="size-4 text-slate-400" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel>
          <span className="block truncate font-medium text-slate-900">{name}</span>
          <span className="block truncate text-xs font-normal text-slate-600">{email}</span>
          <Badge variant="secondary" className="mt-1.5">
            {ROLE_LABELS[role]}
          </Badge>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/dashboard/account">
            <UserRound aria-hidden />
            Your account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          disabled={isSigningOut}
          onSelect={(event) => {
            event.preventDefault();
            startSignOut(() => signOutAction());
          }}
        >
          {isSigningOut ? <Loader2 className="animate-spin" aria-hidden /> : <LogOut aria-hidden />}
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
