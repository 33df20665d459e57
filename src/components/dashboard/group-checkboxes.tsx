'use client';

import type { ReactNode } from 'react';

import { Checkbox } from '@/components/ui/checkbox';

interface GroupCheckboxesProps {
  /** Base id: the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  legend: string;
  hint: ReactNode;
  groups: { id: string; name: string }[];
  name: string;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
  error?: string;
}

/** A fieldset of customer groups to pick (targets of a discount or a campaign), with its hint and error. */
export function GroupCheckboxes({ id, legend, hint, groups, name, value, onChange, onBlur, error }: GroupCheckboxesProps) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
        {hint}
      </p>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {groups.map((group) => (
          <label key={group.id} className="flex items-center gap-2 text-sm text-slate-800">
            <Checkbox
              name={name}
              value={group.id}
              checked={value.includes(group.id)}
              onChange={(event) => onChange(event.target.checked ? [...value, group.id] : value.filter((v) => v !== group.id))}
              onBlur={onBlur}
            />
            {group.name}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
