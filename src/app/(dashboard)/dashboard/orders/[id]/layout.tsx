import { requireStaff } from '@/auth/require-staff';
import { notFoundUnless } from '@/http/not-found';
import { orderExists } from '@/services/orders';

// Answers 404 for a missing order before the page's skeleton streams (see notFoundUnless); the orders segment's
// not-found page shows it. The list's skeleton lives in (list)/ so that it does not wrap this layout. Signed-in staff
// only: layouts render side by side, so this one cannot count on the dashboard's to have checked first.
export default async function OrderLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireStaff();
  await notFoundUnless(orderExists((await params).id));
  return children;
}
