import { KeyRound, Megaphone, Receipt, TicketPercent, Users, UsersRound, type LucideIcon } from 'lucide-react';

import type { Permission } from '@/services/permissions';

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

// One line per destination. Groups, Discounts, Campaigns and Staff are added here as they land.
export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { href: '/dashboard/customers', label: 'Customers', icon: Users, permission: 'customers:read' },
      { href: '/dashboard/orders', label: 'Orders', icon: Receipt, permission: 'orders:read' },
      { href: '/dashboard/discounts', label: 'Discounts', icon: TicketPercent, permission: 'discounts:read' },
      { href: '/dashboard/campaigns', label: 'Campaigns', icon: Megaphone, permission: 'campaigns:read' },
      { href: '/dashboard/groups', label: 'Groups', icon: UsersRound, permission: 'customer_groups:read' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { href: '/dashboard/settings/api-keys', label: 'API keys', icon: KeyRound, permission: 'api_keys:manage' },
    ],
  },
];
