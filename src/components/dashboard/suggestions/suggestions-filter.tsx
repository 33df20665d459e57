import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/native-select';

export const CONFIDENCE_CHOICES = [
  { value: '', label: 'Any confidence' },
  { value: '0.6', label: '60% or more' },
  { value: '0.8', label: '80% or more' },
  { value: '0.9', label: '90% or more' },
] as const;

/**
 * Narrows the pending suggestions to one suggested group and a least confidence, in the URL (a plain GET form, so it
 * works before the page's script loads and the view can be shared). "Accept all" then means all of these.
 */
export function SuggestionsFilter({
  action,
  groups,
  suggestedGroupId,
  minConfidence,
}: {
  action: string;
  groups: { groupId: string; groupName: string; count: number }[];
  suggestedGroupId: string | null;
  minConfidence: number | null;
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Filter suggestions">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        Suggested group
        <NativeSelect name="group" defaultValue={suggestedGroupId ?? ''} className="w-56">
          <option value="">All groups</option>
          {groups.map((group) => (
            <option key={group.groupId} value={group.groupId}>
              {group.groupName} ({group.count.toLocaleString('en-GB')})
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        Confidence
        <NativeSelect name="minConfidence" defaultValue={minConfidence === null ? '' : String(minConfidence)} className="w-44">
          {CONFIDENCE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </NativeSelect>
      </label>
      <Button type="submit" variant="outline" size="sm" className="h-9">
        Show
      </Button>
    </form>
  );
}
