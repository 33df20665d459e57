import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { Check, Mail, Minus, Phone } from 'lucide-react';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import type { Customer } from '@/lib/types';

// Stored as E.164; shown grouped the international way ("+44 7911 123456").
export function displayPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}

/** How to reach the customer, and what they agreed to receive. */
export function CustomerProfileCard({ customer }: { customer: Customer }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Contact</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 py-4 text-sm">
        <dl className="space-y-3">
          <div className="flex items-start gap-2">
            <dt>
              <Mail className="mt-0.5 size-4 text-slate-400" aria-hidden />
              <span className="sr-only">Email</span>
            </dt>
            <dd className="min-w-0 break-all">
              {customer.email ? (
                <a href={`mailto:${customer.email}`} className="text-indigo-700 hover:underline">
                  {customer.email}
                </a>
              ) : (
                <span className="text-slate-500">No email</span>
              )}
            </dd>
          </div>
          <div className="flex items-start gap-2">
            <dt>
              <Phone className="mt-0.5 size-4 text-slate-400" aria-hidden />
              <span className="sr-only">Phone</span>
            </dt>
            <dd>
              {customer.phone ? (
                <a href={`tel:${customer.phone}`} className="text-indigo-700 hover:underline">
                  {displayPhone(customer.phone)}
                </a>
              ) : (
                <span className="text-slate-500">No phone</span>
              )}
            </dd>
          </div>
        </dl>
        <div className="border-t border-slate-100 pt-4">
          <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">Marketing</h3>
          <ul className="space-y-2">
            <Consent channel="Email" given={customer.emailMarketingConsent} at={customer.emailConsentAt} />
            <Consent channel="SMS" given={customer.smsMarketingConsent} at={customer.smsConsentAt} />
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}

function Consent({ channel, given, at }: { channel: string; given: boolean; at: string | null }) {
  return (
    <li className="flex items-start gap-2">
      {given ? <Check className="mt-0.5 size-4 text-emerald-600" aria-hidden /> : <Minus className="mt-0.5 size-4 text-slate-400" aria-hidden />}
      <div>
        <p className="text-slate-800">
          {channel}: {given ? 'subscribed' : 'not subscribed'}
        </p>
        {given && at && <p className="text-xs text-slate-500">Consent given {formatDate(at, 'datetime')}</p>}
      </div>
    </li>
  );
}
