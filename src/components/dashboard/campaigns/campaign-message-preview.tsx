import type { CampaignRecipient } from '@/lib/campaign-types';

/** One rendered message as its recipient would see it: address, subject (email) and body with placeholders filled. */
export function CampaignMessagePreview({ channel, recipient, subject, body }: { channel: 'email' | 'sms'; recipient: CampaignRecipient; subject: string; body: string }) {
  return (
    <article className="min-w-0 rounded-lg border border-slate-200 bg-white text-sm shadow-sm" aria-label={`Message to ${recipient.address}`}>
      <div className="space-y-0.5 border-b border-slate-100 px-4 py-2.5 text-xs text-slate-500">
        <p className="truncate">
          To: <span className="text-slate-800">{recipient.address}</span>
        </p>
        {channel === 'email' && <p className="truncate font-medium text-slate-900">{subject}</p>}
      </div>
      <p className="whitespace-pre-wrap break-words px-4 py-3 text-slate-800">{body}</p>
    </article>
  );
}
