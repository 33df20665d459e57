import type { StaffRole } from './types';
import type { StaffPeriod } from './validation/staff-metrics';

// What the staff metrics service answers (services/staff-metrics.ts), for the pages and the API alike.

export interface StaffPerformance {
  id: string;
  name: string;
  role: StaffRole;
  customersAcquired: number;
  orderCount: number;
  /** Minor units of `currency`. */
  revenue: number;
  /** revenue / customersAcquired, rounded to a minor unit; null without acquired customers. */
  averageCustomerValue: number | null;
}

export interface StaffMonth {
  /** yyyy-mm (UTC). */
  month: string;
  customersAcquired: number;
  orderCount: number;
  revenue: number;
}

export interface StaffTopCustomer {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  orderCount: number;
  revenue: number;
}

export interface StaffMetrics {
  member: { id: string; name: string; role: StaffRole };
  period: StaffPeriod;
  currency: string;
  totals: Omit<StaffPerformance, 'id' | 'name' | 'role'> & { customersWhoOrdered: number };
  months: StaffMonth[];
  /** The acquired customers who brought the most revenue in the period, best first (at most 10). */
  topCustomers: StaffTopCustomer[];
}

export interface StaffPerformanceList {
  period: StaffPeriod;
  currency: string;
  data: StaffPerformance[];
}
