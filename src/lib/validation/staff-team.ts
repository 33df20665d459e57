import { z } from 'zod';

import { emailSchema } from './common';

export const STAFF_ROLES = ['owner', 'admin', 'staff'] as const;
export const STAFF_PASSWORD_MIN_LENGTH = 8;
export const STAFF_PASSWORD_MAX_LENGTH = 128;

const roleSchema = z.enum(STAFF_ROLES, { error: 'Choose owner, admin or staff' });
export const staffNameSchema = z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters');
export const staffPasswordSchema = z
  .string()
  .min(STAFF_PASSWORD_MIN_LENGTH, `Password must be at least ${STAFF_PASSWORD_MIN_LENGTH} characters`)
  .max(STAFF_PASSWORD_MAX_LENGTH, `Password is at most ${STAFF_PASSWORD_MAX_LENGTH} characters`);

/** Inviting a member: the email the link goes to and the role they will have. */
export const staffInviteSchema = z.object({ email: emailSchema, role: roleSchema });

/** Accepting an invitation: the member's own name and password. */
export const staffInvitationAcceptSchema = z.object({ name: staffNameSchema, password: staffPasswordSchema });

export const staffRoleChangeSchema = z.object({ role: roleSchema });

/** A member's own account: their name. */
export const staffProfileSchema = z.object({ name: staffNameSchema });

/** Changing one's own password: the current one proves it is them. */
export const staffPasswordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password'),
  newPassword: staffPasswordSchema,
});

export type StaffInviteInput = z.input<typeof staffInviteSchema>;
