'use client';

import { ChevronDown, Download } from 'lucide-react';

import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import type { CustomerExportFormat } from '@/lib/csv-formats';

import { customersExportHref, type ExportQuery } from './customers-export-href';

const FORMATS: { format: CustomerExportFormat; name: string; detail: string }[] = [
  { format: 'shopify', name: 'Shopify CSV', detail: "Shopify's customer columns, ready to import there" },
  { format: 'full', name: 'Full CSV', detail: 'Also group, consent times, order stats and segment' },
];

/**
 * Downloads the customers of the list's current filter and sort, or the selected `ids`, as CSV in the format chosen.
 * Each choice is a plain download link: the file streams straight to disk, however many customers match.
 */
export function CustomersExportMenu({
  query,
  ids,
  label = 'Export',
  scope,
  size = 'default',
}: {
  query: ExportQuery;
  ids?: readonly string[];
  label?: string;
  /** What will be exported, in words, heading the menu. */
  scope: string;
  size?: 'default' | 'sm';
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size={size}>
          <Download aria-hidden />
          {label}
          <ChevronDown aria-hidden className="text-slate-400" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-72" collisionPadding={8}>
        <DropdownMenuLabel className="text-xs font-medium text-slate-500">{scope}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {FORMATS.map(({ format, name, detail }) => (
          <DropdownMenuItem key={format} asChild>
            <a href={customersExportHref(query, format, ids)} download>
              <span className="flex flex-col">
                <span className="font-medium text-slate-900">{name}</span>
                <span className="text-xs text-slate-500">{detail}</span>
              </span>
            </a>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
