// Campaign shapes returned by services/campaigns.ts and the REST API (kept beside lib/types.ts, which other work edits).

export type CampaignChannel = 'email' | 'sms';
export type CampaignStatus = 'draft' | 'sending' | 'sent';
export type CampaignDeliveryStatus = 'pending' | 'sent' | 'failed';

export interface CampaignDeliveryCounts {
  pending: number;
  sent: number;
  failed: number;
  total: number;
}

export interface Campaign {
  id: string;
  name: string;
  channel: CampaignChannel;
  subject: string;
  body: string;
  status: CampaignStatus;
  groups: { id: string; name: string }[];
  // Deliveries recorded so far: all zero for a draft, whose audience is not fixed yet.
  deliveries: CampaignDeliveryCounts;
  createdById: string | null;
  // A draft set to send itself then; null when it is not scheduled.
  scheduledFor: string | null;
  // Why the scheduled send did not start, when it did not.
  scheduleError: string | null;
  sendStartedAt: string | null;
  sentAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type CampaignSummary = Omit<Campaign, 'body' | 'groups'>;

export interface CampaignRecipient {
  customerId: string;
  firstName: string;
  lastName: string;
  // The email address or phone number the message goes to.
  address: string;
}

export interface CampaignAudience {
  count: number;
  preview: CampaignRecipient[];
}

export interface CampaignDelivery {
  customerId: string;
  name: string;
  address: string;
  status: CampaignDeliveryStatus;
  messageId: string | null;
  error: string | null;
  sentAt: string | null;
}
