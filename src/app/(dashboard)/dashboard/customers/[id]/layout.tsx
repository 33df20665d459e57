import { requireStaff } from '@/auth/require-staff';

import { checkCustomer } from './load-customer';

// The customers segment's not-found page shows a missing customer; the list's skeleton lives in (list)/ so that it does
// not wrap this layout. Signed-in staff only: layouts render side by side, so this one cannot count on the dashboard's.
export default async function CustomerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireStaff();
  await checkCustomer((await params).id);
  return children;
}
