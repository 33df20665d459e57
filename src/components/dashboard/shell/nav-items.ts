import { CalendarClock, KeyRound, LayoutDashboard, Megaphone, Receipt, SlidersHorizontal, Sparkles, TicketPercent, UserCog, UserPlus, Users, UsersRound, Webhook, type LucideIcon } from 'lucide-react';

import type { Permission } from '@/lib/permissions';

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Hidden from roles without it (the page itself still checks on the server). */
  permission?: Permission;
}

export interface NavSection {
  label?: string;
  items: NavItem[];
}

// One line per destination.
export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { href: '/dashboard', label: 'Overview', icon: LayoutDashboard, permission: 'metrics:read' },
      { href: '/dashboard/customers', label: 'Customers', icon: Users, permission: 'customers:read' },
      { href: '/dashboard/customers/suggestions', label: 'Suggestions', icon: Sparkles, permission: 'classification:read' },
      { href: '/dashboard/orders', label: 'Orders', icon: Receipt, permission: 'orders:read' },
      { href: '/dashboard/discounts', label: 'Discounts', icon: TicketPercent, permission: 'discounts:read' },
      { href: '/dashboard/campaigns', label: 'Campaigns', icon: Megaphone, permission: 'campaigns:read' },
      { href: '/dashboard/groups', label: 'Groups', icon: UsersRound, permission: 'customer_groups:read' },
      { href: '/dashboard/staff', label: 'Staff', icon: UserCog, permission: 'staff:read' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { href: '/dashboard/settings/metrics', label: 'Metrics', icon: CalendarClock, permission: 'metrics:read' },
      { href: '/dashboard/settings/classification', label: 'Classification', icon: SlidersHorizontal, permission: 'classification:read' },
      { href: '/dashboard/settings/team', label: 'Team', icon: UserPlus, permission: 'staff:manage' },
      { href: '/dashboard/settings/api-keys', label: 'API keys', icon: KeyRound, permission: 'api_keys:manage' },
      { href: '/dashboard/settings/webhooks', label: 'Webhooks', icon: Webhook, permission: 'webhooks:manage' },
    ],
  },
];

/**
 * The item for the current page: the one whose path is the page's or, failing that, the longest one the page is under
 * (so /dashboard/customers/suggestions marks Suggestions, not Customers too). The overview at /dashboard is current only
 * on itself. Null when no item leads there.
 */
export function currentNavHref(pathname: string, hrefs: string[]): string | null {
  const matches = hrefs.filter((href) => pathname === href || (href !== '/dashboard' && pathname.startsWith(`${href}/`)));
  return matches.reduce<string | null>((best, href) => (best === null || href.length > best.length ? href : best), null);
}
