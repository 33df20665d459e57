import { Badge } from '@/components/ui/badge';
import type { StaffRole } from '@/lib/types';

const LABELS: Record<StaffRole, string> = { owner: 'Owner', admin: 'Admin', staff: 'Staff' };

export function StaffRoleBadge({ role }: { role: StaffRole }) {
  return <Badge variant={role === 'staff' ? 'secondary' : 'default'}>{LABELS[role]}</Badge>;
}
