import { Card } from '@/components/ui/card';

/** A row of headline figures (label above a large value). */
export function StaffFigures({ figures }: { figures: { label: string; value: string; hint?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {figures.map((figure) => (
        <Card key={figure.label} className="p-4">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{figure.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{figure.value}</dd>
          {figure.hint && <dd className="mt-0.5 text-xs text-slate-500">{figure.hint}</dd>}
        </Card>
      ))}
    </dl>
  );
}
