import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { InviteMemberForm } from '@/components/dashboard/team/invite-member-form';
import { TeamList } from '@/components/dashboard/team/team-list';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { listTeam } from '@/services/team';

export const metadata: Metadata = { title: 'Team' };

// Under Settings, beside API keys: both are who may use the shop's data, for owners and admins. The Staff page stays
// what it is, everyone's performance figures.
export default async function TeamPage() {
  const actor = await requireStaff('staff:manage');
  const members = await listTeam({ actor });
  const active = members.filter((member) => member.status === 'active').length;
  const invited = members.filter((member) => member.status === 'invited').length;

  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Team"
        description={
          actor.role === 'owner'
            ? 'Invite people to the dashboard, change what they may do, and deactivate those who left. The shop always keeps one active owner.'
            : 'Invite people to the dashboard, change what they may do, and deactivate those who left. Owners’ accounts are changed by an owner.'
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Invite a member</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <InviteMemberForm roles={actor.role === 'owner' ? ['staff', 'admin', 'owner'] : ['staff', 'admin']} />
          </CardContent>
        </Card>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <span className="text-xs text-slate-600">
              {active} active{invited > 0 ? ` · ${invited} invited` : ''}
            </span>
          </CardHeader>
          <TeamList members={members} viewer={{ id: actor.id, role: actor.role }} now={new Date().toISOString()} />
        </Card>
      </div>
    </div>
  );
}
