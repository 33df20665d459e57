import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { StaffPeriod } from '@/lib/validation/staff-metrics';

interface Preset {
  label: string;
  /** Empty for the default period (the last 12 months). */
  query: string;
}

function presets(today: string): Preset[] {
  const year = Number(today.slice(0, 4));
  return [
    { label: 'Last 12 months', query: '' },
    { label: 'This year', query: `?from=${year}-01-01&to=${today}` },
    { label: String(year - 1), query: `?from=${year - 1}-01-01&to=${year - 1}-12-31` },
  ];
}

/**
 * The period of the staff pages: a plain GET form (works without JavaScript, and the URL can be shared) with two
 * day fields and a few presets. `today` is yyyy-mm-dd (UTC).
 */
export function StaffPeriodPicker({ action, period, today }: { action: string; period: StaffPeriod; today: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Period">
      <div className="grid gap-1">
        <Label htmlFor="period-from">From</Label>
        <Input id="period-from" name="from" type="date" defaultValue={period.from} max={today} className="w-40" />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="period-to">To</Label>
        <Input id="period-to" name="to" type="date" defaultValue={period.to} className="w-40" />
      </div>
      <Button type="submit" variant="outline">
        Show
      </Button>
      <nav aria-label="Quick periods" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {presets(today).map((preset) => (
          <Link key={preset.label} href={`${action}${preset.query}`} className="font-medium text-indigo-700 hover:underline">
            {preset.label}
          </Link>
        ))}
      </nav>
    </form>
  );
}
