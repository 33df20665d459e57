'use client';

import { Loader2, Search, X } from 'lucide-react';
import * as React from 'react';

import { searchCustomersAction } from '@/actions/orders';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { CustomerOption } from '@/lib/types';
import { cn } from '@/lib/utils';

const DEBOUNCE_MS = 250;
// One or two letters match too much to be useful, and cannot use the trigram index.
const MIN_QUERY = 2;

type SearchState = { status: 'idle' } | { status: 'searching' } | { status: 'done'; options: CustomerOption[] } | { status: 'failed'; message: string };

/**
 * Picks a customer by searching as you type (WAI-ARIA combobox with a listbox popup): arrows move through
 * the matches, Enter picks, Escape closes. Once picked, the customer is shown with a button to change it.
 */
export function CustomerCombobox({ id, value, onChange, invalid, describedBy, inputRef, placeholder = 'Search name, email, phone or company' }: {
  id: string;
  value: CustomerOption | null;
  onChange: (customer: CustomerOption | null) => void;
  invalid?: boolean;
  describedBy?: string;
  inputRef?: (node: HTMLInputElement | null) => void;
  placeholder?: string;
}) {
  const [query, setQuery] = React.useState('');
  const [search, setSearch] = React.useState<SearchState>({ status: 'idle' });
  const [isOpen, setIsOpen] = React.useState(false);
  const [active, setActive] = React.useState(-1);
  const timer = React.useRef<ReturnType<typeof setTimeout>>(undefined);
  // Answers can arrive out of order; only the latest request may fill the list.
  const latest = React.useRef(0);
  const localInput = React.useRef<HTMLInputElement>(null);
  const listId = `${id}-listbox`;
  const statusId = `${id}-status`;
  const options = search.status === 'done' ? search.options : [];

  React.useEffect(() => () => clearTimeout(timer.current), []);

  function runSearch(text: string) {
    const request = ++latest.current;
    searchCustomersAction(text)
      .then((result) => {
        if (request !== latest.current) return;
        setSearch(result.ok ? { status: 'done', options: result.data } : { status: 'failed', message: result.message });
        setActive(result.ok && result.data.length > 0 ? 0 : -1);
      })
      .catch(() => {
        if (request === latest.current) setSearch({ status: 'failed', message: 'The search did not answer. Check the connection and type again.' });
      });
  }

  function onType(text: string) {
    setQuery(text);
    setIsOpen(true);
    clearTimeout(timer.current);
    const q = text.trim();
    if (q.length < MIN_QUERY) {
      latest.current++;
      setSearch({ status: 'idle' });
      setActive(-1);
      return;
    }
    setSearch({ status: 'searching' });
    timer.current = setTimeout(() => runSearch(q), DEBOUNCE_MS);
  }

  function pick(option: CustomerOption) {
    onChange(option);
    setIsOpen(false);
    setQuery('');
    setSearch({ status: 'idle' });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setIsOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted customer instead of submitting the order form.
      if (isOpen && active >= 0 && options[active]) {
        event.preventDefault();
        pick(options[active]);
      } else if (isOpen) {
        event.preventDefault();
      }
    } else if (event.key === 'Escape') {
      if (isOpen) {
        event.preventDefault();
        setIsOpen(false);
      } else if (query) {
        event.preventDefault();
        onType('');
      }
    }
  }

  function change() {
    onChange(null);
    // The input only exists once the picked customer is cleared; focus it on the next frame.
    requestAnimationFrame(() => localInput.current?.focus());
  }

  if (value) {
    return (
      <div className={cn('flex items-center justify-between gap-3 rounded-md border bg-slate-50 px-3 py-2', invalid ? 'border-red-500' : 'border-slate-200')}>
        <div className="min-w-0 text-sm" id={`${id}-selected`} aria-describedby={describedBy}>
          <p className="truncate font-medium text-slate-900">{value.name}</p>
          <p className="truncate text-slate-600">{[value.email, value.company].filter(Boolean).join(' · ') || 'No email'}</p>
        </div>
        <Button type="button" variant="outline" size="sm" onClick={change} aria-label={`Change customer (now ${value.name})`}>
          Change
        </Button>
      </div>
    );
  }

  const showList = isOpen && search.status !== 'idle';
  const statusText =
    search.status === 'searching'
      ? 'Searching…'
      : search.status === 'failed'
        ? search.message
        : search.status === 'done'
          ? options.length === 0
            ? `No customers match “${query.trim()}”`
            : `${options.length === 1 ? '1 customer' : `${options.length} customers`} found`
          : '';

  return (
    <div className="relative">
      <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <Input
        ref={(node) => {
          localInput.current = node;
          inputRef?.(node);
        }}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={query}
        onChange={(event) => onType(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        className="pl-9 pr-9"
      />
      <span className="absolute right-2 top-1/2 flex -translate-y-1/2 items-center">
        {search.status === 'searching' ? (
          <Loader2 className="size-4 animate-spin text-slate-400" aria-hidden />
        ) : (
          query && (
            <button
              type="button"
              onClick={() => {
                onType('');
                localInput.current?.focus();
              }}
              className="rounded p-0.5 text-slate-500 hover:text-slate-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
              aria-label="Clear search"
            >
              <X className="size-4" aria-hidden />
            </button>
          )
        )}
      </span>
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching customers"
        hidden={!showList || options.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            // Keep focus in the input (mousedown would blur it and close the list before the click lands).
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => pick(option)}
            className={cn('cursor-pointer px-3 py-2 text-sm', index === active ? 'bg-indigo-50' : 'bg-white')}
          >
            <span className="block truncate font-medium text-slate-900">{option.name}</span>
            <span className="block truncate text-xs text-slate-600">{[option.email, option.company].filter(Boolean).join(' · ') || 'No email'}</span>
          </li>
        ))}
      </ul>
      {showList && options.length === 0 && (
        <p aria-hidden className="absolute z-20 mt-1 w-full rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg">
          {statusText}
        </p>
      )}
      <p id={statusId} role="status" className="sr-only">
        {isOpen ? statusText : ''}
      </p>
    </div>
  );
}
