import { beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { withTestDatabase } from '@/test/database';

import { findCustomerGroupByName } from '../customer-groups';
import { createCustomer } from '../customers';
import { createDiscount } from '../discounts';

import { listStoreBenefits } from './account';

withTestDatabase();

let admin: Actor;
beforeAll(async () => {
  admin = await createStaffActor('admin', 'Ann Admin');
});

describe('listStoreBenefits', () => {
  it('states a percentage and a fixed discount as the customer will get them', async () => {
    const vip = (await findCustomerGroupByName('VIP'))!.id;
    const customer = await createCustomer({ actor: admin, input: { firstName: 'Maya', email: `${crypto.randomUUID()}@example.com`, customerGroupId: vip } });
    await createDiscount({ actor: admin, input: { code: 'VIP15', kind: 'percentage', value: 15, customerGroupIds: [vip] } });
    await createDiscount({ actor: admin, input: { code: 'HALFPCT', kind: 'percentage', value: 12.5 } });
    await createDiscount({ actor: admin, input: { code: 'FIVER', kind: 'fixed_amount', value: 500 } });

    const benefits = await listStoreBenefits({ customerId: customer.id });
    const valueOf = (code: string) => benefits.find((benefit) => benefit.code === code)?.value;
    expect(valueOf('VIP15')).toBe('15% off');
    expect(valueOf('HALFPCT')).toBe('12.5% off');
    expect(valueOf('FIVER')).toBe('£5.00 off');
  });
});
