import { Badge } from '@/components/ui/badge';
import type { CustomerAddress } from '@/lib/types';

/** "Default shipping" / "Default billing" badges, or nothing for an address that is neither. */
export function AddressDefaultBadges({ address }: { address: CustomerAddress }) {
  if (!address.isDefaultShipping && !address.isDefaultBilling) return null;
  return (
    <div className="flex flex-wrap gap-1.5">
      {address.isDefaultShipping && <Badge variant="success">Default shipping</Badge>}
      {address.isDefaultBilling && <Badge variant="success">Default billing</Badge>}
    </div>
  );
}
