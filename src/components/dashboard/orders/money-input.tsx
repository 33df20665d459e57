import * as React from 'react';

import { Input } from '@/components/ui/input';
import { currencySymbol } from '@/lib/format';
import { cn } from '@/lib/utils';

/** A text box for an amount in major units ("12.50"), with the currency's symbol in front. */
export function MoneyInput({ currency, className, ...props }: React.ComponentProps<'input'> & { currency: string }) {
  const symbol = currencySymbol(currency);
  return (
    <div className="relative">
      <span aria-hidden className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-sm text-slate-500">
        {symbol}
      </span>
      <Input
        inputMode="decimal"
        autoComplete="off"
        {...props}
        className={cn('text-right tabular-nums', symbol.length > 1 ? 'pl-12' : 'pl-7', className)}
      />
    </div>
  );
}
