import { AlertCircle } from 'lucide-react';
import Link from 'next/link';

import { StaffAuthPanel } from '@/components/dashboard/auth/staff-auth-panel';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';

/** A mailed link that no longer works, said before any form is shown. */
export function LinkInvalid({ text, action }: { text: string; action?: { href: string; label: string } }) {
  return (
    <StaffAuthPanel title="This link does not work">
      <div className="space-y-4">
        <Alert variant="destructive">
          <AlertCircle aria-hidden />
          <p>{text}</p>
        </Alert>
        {action && (
          <Link href={action.href} className={buttonVariants({ className: 'w-full' })}>
            {action.label}
          </Link>
        )}
      </div>
    </StaffAuthPanel>
  );
}
