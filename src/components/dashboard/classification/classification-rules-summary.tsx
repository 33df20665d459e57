import { CircleAlert } from 'lucide-react';

import { Badge } from '@/components/ui/badge';

/** The rules in words, numbered in the order they are checked; the first a customer meets decides the group. */
export function ClassificationRulesSummary({ rules, missingGroups }: { rules: { title: string; text: string; isEnabled: boolean }[]; missingGroups: string[] }) {
  return (
    <div className="space-y-4">
      <ol className="space-y-3">
        {rules.map((rule, index) => (
          <li key={rule.title + index} className="flex gap-3">
            <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700" aria-hidden>
              {index + 1}
            </span>
            <div className="min-w-0 text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {rule.title}
                {!rule.isEnabled && <Badge variant="secondary">Off</Badge>}
              </p>
              <p className={rule.isEnabled ? 'text-slate-700' : 'text-slate-500 line-through'}>{rule.text}</p>
            </div>
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-500">
        The first rule a customer meets names the suggested group. Confidence grows with how far past the threshold they are; every suggestion
        lists the customer&apos;s own figures so you can check it.
      </p>
      {missingGroups.length > 0 && (
        <p role="alert" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          No group is called {missingGroups.map((name) => `“${name}”`).join(', ')}: rules for it are skipped until you pick an existing group.
        </p>
      )}
    </div>
  );
}
