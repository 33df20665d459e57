import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { listApiKeys } from '@/services/api-keys';

import { ApiKeysTable } from '@/components/dashboard/api-keys/api-keys-table';
import { CreateApiKeyForm } from '@/components/dashboard/api-keys/create-api-key-form';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const actor = await requireStaff('api_keys:manage');
  const apiKeys = await listApiKeys({ actor });

  return (
    <div className="max-w-5xl">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other systems use the REST API at <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">/api/v1</code> with the
            permissions of their role. Send one as <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">Authorization: Bearer &lt;key&gt;</code>.
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Create a key</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <CreateApiKeyForm />
          </CardContent>
        </Card>
        <Card className="overflow-hidden">
          <CardHeader>
            <CardTitle>Keys</CardTitle>
            <span className="text-xs text-slate-500">{apiKeys.filter((k) => !k.revokedAt).length} active</span>
          </CardHeader>
          <ApiKeysTable apiKeys={apiKeys} now={new Date()} />
        </Card>
      </div>
    </div>
  );
}
