import { KeyRound } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate, formatRelative } from '@/lib/format';
import type { ApiKeySummary } from '@/lib/types';

import { RevokeApiKeyButton } from './revoke-api-key-button';

/** Every key, revoked ones included (greyed) so that the history stays visible. */
export function ApiKeysTable({ apiKeys, now }: { apiKeys: ApiKeySummary[]; now: Date }) {
  if (apiKeys.length === 0) {
    return (
      <div className="flex flex-col items-center px-6 py-12 text-center">
        <span className="flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500">
          <KeyRound className="size-5" aria-hidden />
        </span>
        <p className="mt-3 text-sm font-medium text-slate-900">No API keys yet</p>
        <p className="mt-1 max-w-sm text-sm text-slate-600">Create one above to let another system read and update customers through the REST API.</p>
      </div>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Role
          </TableHead>
          <TableHead scope="col" className="hidden md:table-cell">
            Key
          </TableHead>
          <TableHead scope="col" className="hidden lg:table-cell">
            Created
          </TableHead>
          <TableHead scope="col" className="hidden md:table-cell">
            Last used
          </TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {apiKeys.map((apiKey) => (
          <TableRow key={apiKey.id} className={apiKey.revokedAt ? 'text-slate-500' : 'text-slate-700'}>
            <TableCell>
              <p className={apiKey.revokedAt ? 'font-medium' : 'font-medium text-slate-900'}>{apiKey.name}</p>
              {/* Narrow screens: the hidden columns' essentials under the name. */}
              <p className="text-xs text-slate-500 md:hidden">
                <span className="font-mono">{apiKey.keyPrefix}…</span>
                <span className="sm:hidden"> · {apiKey.role === 'admin' ? 'Admin' : 'Staff'}</span>
              </p>
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <Badge variant={apiKey.role === 'admin' ? 'warning' : 'secondary'}>{apiKey.role === 'admin' ? 'Admin' : 'Staff'}</Badge>
            </TableCell>
            <TableCell className="hidden font-mono text-xs md:table-cell">{apiKey.keyPrefix}…</TableCell>
            <TableCell className="hidden whitespace-nowrap lg:table-cell">
              {formatDate(apiKey.createdAt)}
              <span className="block text-xs text-slate-500">by {apiKey.createdBy ?? 'the system'}</span>
            </TableCell>
            <TableCell className="hidden whitespace-nowrap md:table-cell" title={apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt, 'datetime') : undefined}>
              {apiKey.lastUsedAt ? formatRelative(apiKey.lastUsedAt, now) : <span className="text-slate-600">Never</span>}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {apiKey.revokedAt ? (
                <span title={formatDate(apiKey.revokedAt, 'datetime')}>
                  <Badge variant="destructive">Revoked</Badge>
                  <span className="mt-0.5 block text-xs">{formatDate(apiKey.revokedAt)}</span>
                </span>
              ) : (
                <Badge variant="success">Active</Badge>
              )}
            </TableCell>
            <TableCell className="text-right">{!apiKey.revokedAt && <RevokeApiKeyButton id={apiKey.id} name={apiKey.name} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
