import { redirect } from 'next/navigation';

import { requireStaff } from '@/auth/require-staff';

export default async function DashboardHomePage() {
  await requireStaff();
  redirect('/dashboard/customers');
}
