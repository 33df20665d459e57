import { Plus } from 'lucide-react';
import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { GroupFormDialog } from '@/components/dashboard/groups/group-form-dialog';
import { GroupsTable } from '@/components/dashboard/groups/groups-table';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { listCustomerGroups } from '@/services/customer-groups';
import { can } from '@/services/permissions';

export const metadata: Metadata = { title: 'Customer groups' };

export default async function GroupsPage() {
  const actor = await requireStaff('customer_groups:read');
  const groups = await listCustomerGroups();
  const canManage = can(actor, 'customer_groups:manage');

  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Customer groups"
        description="Discounts and campaigns are aimed at groups. Move customers between groups from the customer list."
        actions={
          canManage && (
            <GroupFormDialog
              trigger={
                <Button>
                  <Plus aria-hidden />
                  New group
                </Button>
              }
            />
          )
        }
      />
      <Card className="overflow-hidden">
        {groups.length ? <GroupsTable groups={groups} canManage={canManage} /> : <p className="p-6 text-sm text-slate-600">No groups yet.</p>}
      </Card>
    </div>
  );
}
