import { CalendarClock, CircleCheck, PencilLine, Send, type LucideIcon } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import type { Campaign, CampaignStatus } from '@/lib/campaign-types';

// Icon as well as colour, so a status is told apart without seeing colour.
const STYLES: Record<CampaignStatus | 'scheduled', { label: string; variant: 'secondary' | 'warning' | 'success'; icon: LucideIcon; hint: string }> = {
  draft: { label: 'Draft', variant: 'secondary', icon: PencilLine, hint: 'Not sent yet: can still be edited' },
  scheduled: { label: 'Scheduled', variant: 'secondary', icon: CalendarClock, hint: 'A draft that sends itself at its scheduled time' },
  sending: { label: 'Sending', variant: 'warning', icon: Send, hint: 'Recipients fixed; messages are going out' },
  sent: { label: 'Sent', variant: 'success', icon: CircleCheck, hint: 'Every recipient was sent to (or failed)' },
};

/** The campaign's status; a draft waiting for its scheduled time shows as Scheduled. */
export function CampaignStatusBadge({ campaign }: { campaign: Pick<Campaign, 'status' | 'scheduledFor' | 'scheduleError'> }) {
  const { status } = campaign;
  const style = STYLES[status === 'draft' && campaign.scheduledFor && !campaign.scheduleError ? 'scheduled' : status];
  const Icon = style.icon;
  return (
    <Badge variant={style.variant} title={style.hint} data-status={status} className="gap-1 whitespace-nowrap">
      <Icon className="size-3 shrink-0" aria-hidden />
      {style.label}
    </Badge>
  );
}
