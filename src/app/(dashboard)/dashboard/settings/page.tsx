import { redirect } from 'next/navigation';

import { requireStaff } from '@/auth/require-staff';

// Settings has one section so far; its index opens it.
export default async function SettingsPage() {
  await requireStaff();
  redirect('/dashboard/settings/api-keys');
}
