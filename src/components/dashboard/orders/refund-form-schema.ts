import { z } from 'zod';

import { formatMoney } from '@/lib/format';
import { orderRefundSchema, type OrderRefundInput } from '@/lib/validation/order';

import { majorAmount } from './order-form-schema';

/** The refund dialog as typed: the amount in major units ("12.50") and an optional reason. */
export interface RefundFormValues {
  amount: string;
  reason: string;
}

/**
 * The refund dialog's schema: the amount becomes integer minor units, no more than what `remaining` (minor units)
 * leaves, and the whole input then passes the shared `orderRefundSchema`, as the service will parse it.
 */
export function refundFormSchema(currency: string, remaining: number) {
  return z
    .object({
      amount: majorAmount(currency, { required: true, label: 'the amount to refund' })
        .refine((amount) => amount > 0, 'Refund more than nothing')
        .refine((amount) => amount <= remaining, `At most ${formatMoney(remaining, currency)} is left to refund`),
      reason: orderRefundSchema.shape.reason,
    })
    .transform((refund): OrderRefundInput => refund)
    .pipe(orderRefundSchema);
}

export type RefundFormOutput = z.output<ReturnType<typeof refundFormSchema>>;
