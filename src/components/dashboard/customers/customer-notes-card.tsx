import Link from 'next/link';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

/** Staff-only notes, kept as typed (line breaks included). */
export function CustomerNotesCard({ customerId, notes }: { customerId: string; notes: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Notes</CardTitle>
        <Link href={`/dashboard/customers/${customerId}/edit`} className="text-xs font-medium text-indigo-700 hover:underline">
          {notes ? 'Edit' : 'Add'}
          <span className="sr-only"> notes</span>
        </Link>
      </CardHeader>
      <CardContent className="py-4 text-sm">
        {notes ? <p className="whitespace-pre-wrap break-words text-slate-800">{notes}</p> : <p className="text-slate-500">No notes yet.</p>}
      </CardContent>
    </Card>
  );
}
