import { CircleCheck, PencilLine, Send, type LucideIcon } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import type { CampaignStatus } from '@/lib/campaign-types';

// Icon as well as colour, so a status is told apart without seeing colour.
const STYLES: Record<CampaignStatus, { label: string; variant: 'secondary' | 'warning' | 'success'; icon: LucideIcon; hint: string }> = {
  draft: { label: 'Draft', variant: 'secondary', icon: PencilLine, hint: 'Not sent yet: can still be edited' },
  sending: { label: 'Sending', variant: 'warning', icon: Send, hint: 'Recipients fixed; messages are going out' },
  sent: { label: 'Sent', variant: 'success', icon: CircleCheck, hint: 'Every recipient was sent to (or failed)' },
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const style = STYLES[status];
  const Icon = style.icon;
  return (
    <Badge variant={style.variant} title={style.hint} data-status={status} className="gap-1 whitespace-nowrap">
      <Icon className="size-3 shrink-0" aria-hidden />
      {style.label}
    </Badge>
  );
}
