import type { LucideIcon } from 'lucide-react';
import * as React from 'react';

/** A calm "nothing here yet" panel that says what to do next. */
export function EmptyState({ icon: Icon, title, children, action }: { icon: LucideIcon; title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-stone-300 bg-white px-4 py-8 text-center">
      <Icon className="size-8 text-stone-300" aria-hidden />
      <p className="font-medium text-stone-900">{title}</p>
      <p className="max-w-sm text-sm text-stone-600">{children}</p>
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
