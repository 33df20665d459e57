'use client';

import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnTarget } from '@/lib/customer-import-formats';
import { NativeSelect } from '@/components/ui/native-select';

/** The mapping step: each column of an unknown header to a field, or skipped. Unmapped columns hold ''. */
export function ColumnMapping({ columns, unknown, mapping, onChange }: { columns: string[]; unknown: string[]; mapping: Record<string, ColumnTarget | ''>; onChange: (mapping: Record<string, ColumnTarget | ''>) => void }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm text-slate-700">
        This file’s header is not one we know ({unknown.map((column) => `“${column}”`).join(', ')}). Say what each column holds, or skip it. Email or Phone is needed to match customers.
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {columns.map((column, i) => {
          const id = `mapping-${i}`;
          const isUnknown = unknown.includes(column);
          return (
            <div key={id} className="space-y-1">
              <label htmlFor={id} className="block text-sm font-medium text-slate-800 break-words">
                {column || `(column ${i + 1} has no name)`} {isUnknown && <span className="text-xs font-normal text-amber-700">unknown</span>}
              </label>
              <NativeSelect id={id} value={mapping[column] ?? ''} onChange={(event) => onChange({ ...mapping, [column]: event.target.value as ColumnTarget | '' })}>
                <option value="">Choose…</option>
                <option value="skip">Skip this column</option>
                {IMPORT_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {IMPORT_FIELD_LABELS[field]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
