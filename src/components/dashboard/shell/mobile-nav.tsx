'use client';

import { Menu } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from '@/components/ui/sheet';

/**
 * Below the md breakpoint the sidebar becomes a menu button opening a side sheet. The navigation is
 * rendered on the server and passed in; following any link in it closes the sheet.
 */
export function MobileNav({ brand, children }: { brand: React.ReactNode; children: React.ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Sheet open={isOpen} onOpenChange={setIsOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent
        side="left"
        className="p-4"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a')) setIsOpen(false);
        }}
      >
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <SheetDescription className="sr-only">Dashboard navigation</SheetDescription>
        <div className="mb-6 pr-8">{brand}</div>
        {children}
      </SheetContent>
    </Sheet>
  );
}
