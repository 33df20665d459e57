'use client';

import * as React from 'react';

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';

import { AddressForm } from './address-form';

/** Add or edit an address in a modal that closes once it is saved; the trigger is the button passed as `children`. */
export function AddressDialog({ title, description, children, ...form }: Omit<React.ComponentProps<typeof AddressForm>, 'onSaved'> & {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <AddressForm {...form} onSaved={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
