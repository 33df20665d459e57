import { ShownOnceSecret } from '@/components/dashboard/shown-once-secret';

/** The signing secret, shown once after creating an endpoint or rotating its secret. */
export function SecretNotice({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      id="webhook-secret"
      title={title}
      label="Signing secret"
      warning="Copy the signing secret now and give it to your receiver: it will not be shown again. Receivers verify each delivery with it (any Standard Webhooks library does)."
      secret={secret}
      onDone={onDone}
    />
  );
}
