import { requireStaff } from '@/auth/require-staff';
import { DashboardShell } from '@/components/dashboard/shell/dashboard-shell';

// Every page below also calls requireStaff(): layouts do not re-run on every navigation, and server
// actions never run through them.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  return <DashboardShell staff={{ name: staff.name, email: staff.email, role: staff.role }}>{children}</DashboardShell>;
}
