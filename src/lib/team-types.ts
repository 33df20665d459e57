import type { StaffRole } from './types';

/** Active: signs in. Invited: has an invitation but no password yet. Deactivated: cannot sign in; the row is kept. */
export type TeamMemberStatus = 'active' | 'invited' | 'deactivated';

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  status: TeamMemberStatus;
  lastSignedInAt: string | null;
  /** When the open invitation stops working (invited members only). */
  invitationExpiresAt: string | null;
}

export const ROLE_LABELS: Record<StaffRole, string> = { owner: 'Owner', admin: 'Admin', staff: 'Staff' };
