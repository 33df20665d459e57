'use client';

import { Download, ShieldAlert } from 'lucide-react';
import * as React from 'react';

import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

import { EraseCustomerDialog } from './erase-customer-dialog';

/** A person's rights over their data, for owners and admins: everything stored about them as JSON, and erasure. */
export function CustomerPrivacyCard({ customerId, customerName, orderCount, isErased }: { customerId: string; customerName: string; orderCount: number; isErased: boolean }) {
  const [isErasing, setIsErasing] = React.useState(false);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Privacy</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 py-4 text-sm">
        <p className="text-slate-600">
          {isErased ? 'What is still stored: the orders, amounts and timeline types and times.' : 'Everything stored about this person, for a request to see their data.'}
        </p>
        <div className="flex flex-wrap gap-2">
          {/* A plain link: the browser saves the download itself (Content-Disposition: attachment). */}
          <a href={`/api/v1/customers/${customerId}/export`} download className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            <Download aria-hidden />
            Download data
          </a>
          {!isErased && (
            <Button variant="outline" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setIsErasing(true)}>
              <ShieldAlert aria-hidden />
              Erase personal data…
            </Button>
          )}
        </div>
        {!isErased && <EraseCustomerDialog customerId={customerId} customerName={customerName} orderCount={orderCount} open={isErasing} onOpenChange={setIsErasing} />}
      </CardContent>
    </Card>
  );
}
