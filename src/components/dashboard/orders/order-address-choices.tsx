'use client';

import * as React from 'react';
import { useFormContext } from 'react-hook-form';

import { customerAddressesAction } from '@/actions/orders';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import type { CustomerAddress } from '@/lib/types';

import type { OrderFormValues } from './order-form-schema';

type Loaded = { customerId: string; addresses: CustomerAddress[] | null; error?: string };

/** The ids the form starts with for a customer: their defaults, billing falling back to shipping as the service does. */
export function defaultAddressIds(addresses: CustomerAddress[]): Pick<OrderFormValues, 'shippingAddressId' | 'billingAddressId'> {
  const shipping = addresses.find((address) => address.isDefaultShipping);
  const billing = addresses.find((address) => address.isDefaultBilling) ?? shipping;
  return { shippingAddressId: shipping?.id ?? '', billingAddressId: billing?.id ?? '' };
}

function optionLabel(address: CustomerAddress): string {
  const name = `${address.firstName} ${address.lastName}`.trim();
  const defaults = [address.isDefaultShipping && 'default shipping', address.isDefaultBilling && 'default billing'].filter(Boolean).join(', ');
  return [name, address.company, address.line1, address.city, address.postalCode].filter(Boolean).join(', ') + (defaults ? ` (${defaults})` : '');
}

/**
 * A select per address kind with the chosen customer's addresses, their defaults preselected; "No address" records
 * none. The order keeps a copy of the chosen address, so later edits to the customer's addresses do not change it.
 */
export function OrderAddressChoices({ customerId, initial, idPrefix }: { customerId: string; initial: Loaded | null; idPrefix: string }) {
  const { register, setValue, formState } = useFormContext<OrderFormValues>();
  const [loaded, setLoaded] = React.useState<Loaded | null>(initial);

  React.useEffect(() => {
    if (!customerId || loaded?.customerId === customerId) return;
    let current = true;
    void customerAddressesAction(customerId).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setLoaded({ customerId, addresses: [], error: 'The customer’s addresses could not be loaded; the order will have none unless you try again.' });
        setValue('shippingAddressId', '');
        setValue('billingAddressId', '');
        return;
      }
      setLoaded({ customerId, addresses: result.data });
      const ids = defaultAddressIds(result.data);
      setValue('shippingAddressId', ids.shippingAddressId);
      setValue('billingAddressId', ids.billingAddressId);
    });
    return () => {
      current = false;
    };
  }, [customerId, loaded?.customerId, setValue]);

  if (!customerId) return null;
  const addresses = loaded?.customerId === customerId ? loaded.addresses : null;
  if (addresses === null) {
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading the customer’s addresses…
      </p>
    );
  }
  if (addresses.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {loaded?.error ?? 'This customer has no saved address: the order will be placed without one. Add one on the customer’s page first to record it.'}
      </p>
    );
  }
  const errors = formState.errors;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {(['shipping', 'billing'] as const).map((kind) => {
        const name = `${kind}AddressId` as const;
        const id = `${idPrefix}-${name}`;
        const error = errors[name]?.message;
        return (
          <Field key={kind} id={id} label={kind === 'shipping' ? 'Shipping address' : 'Billing address'} error={error}>
            <NativeSelect id={id} {...register(name)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
              <option value="">No address</option>
              {addresses.map((address) => (
                <option key={address.id} value={address.id}>
                  {optionLabel(address)}
                </option>
              ))}
            </NativeSelect>
          </Field>
        );
      })}
    </div>
  );
}
