import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { PasswordChangeForm, ProfileForm } from '@/components/dashboard/account/account-forms';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ROLE_LABELS } from '@/lib/team-types';

export const metadata: Metadata = { title: 'Your account' };

/** Every staff member's own name and password; the role is changed by an owner or admin on the Team page. */
export default async function AccountPage() {
  const actor = await requireStaff();
  return (
    <div className="max-w-2xl">
      <PageHeader title="Your account" description={`${actor.email} · ${ROLE_LABELS[actor.role]}. Your role is changed by an owner or admin.`} />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Name</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <ProfileForm name={actor.name} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <PasswordChangeForm />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
