import { AlertCircle } from 'lucide-react';

import { Alert } from '@/components/ui/alert';

/** A refusal above a small dashboard form. */
export function SimpleFormError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <Alert variant="destructive" role="alert" id={id}>
      <AlertCircle aria-hidden />
      <p>{text}</p>
    </Alert>
  );
}
