'use client';

import { RotateCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

import { resendWebhookDeliveryAction } from '@/actions/webhooks';
import { Button } from '@/components/ui/button';

export function ResendButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          await resendWebhookDeliveryAction(endpointId, deliveryId);
          router.refresh();
        })
      }>
      <RotateCw aria-hidden className={isPending ? 'animate-spin' : undefined} />
      Resend
    </Button>
  );
}
