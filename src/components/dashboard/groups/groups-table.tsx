import { Pencil } from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CustomerGroup } from '@/lib/types';

import { DeleteGroupButton } from './delete-group-button';
import { GroupFormDialog } from './group-form-dialog';

const membersHref = (id: string) => `/dashboard/customers?groupId=${id}`;

/** The groups with member counts (each linking to its members in the customer list), and the managers' actions. */
export function GroupsTable({ groups, canManage }: { groups: CustomerGroup[]; canManage: boolean }) {
  return (
    <Table>
      <caption className="sr-only">Customer groups by name</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col" className="hidden sm:table-cell">
            Description
          </TableHead>
          <TableHead scope="col" className="text-right">
            Members
          </TableHead>
          {canManage && (
            <TableHead scope="col" className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.map((group) => (
          <TableRow key={group.id}>
            <TableCell className="max-w-56 align-top">
              <p className="truncate font-medium text-slate-900">{group.name}</p>
              {group.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-500 sm:hidden">{group.description}</p>}
            </TableCell>
            <TableCell className="hidden max-w-md align-top text-slate-600 sm:table-cell">{group.description || <span className="text-slate-600">—</span>}</TableCell>
            <TableCell className="text-right align-top tabular-nums">
              <Link href={membersHref(group.id)} className="rounded-sm text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
                {(group.memberCount ?? 0).toLocaleString('en-GB')}
                <span className="sr-only"> members of {group.name}</span>
              </Link>
            </TableCell>
            {canManage && (
              <TableCell className="align-top">
                <div className="flex justify-end gap-1">
                  <GroupFormDialog
                    group={group}
                    trigger={
                      <Button variant="ghost" size="sm">
                        <Pencil aria-hidden />
                        {/* Icon-only on phones, where the row has no room for the words; the name stays for screen readers. */}
                        <span className="sr-only sm:not-sr-only">Edit</span>
                        <span className="sr-only"> {group.name}</span>
                      </Button>
                    }
                  />
                  <DeleteGroupButton group={{ id: group.id, name: group.name, memberCount: group.memberCount ?? 0 }} />
                </div>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
