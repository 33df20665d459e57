'use client';

import { Loader2, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';

import { Input } from '@/components/ui/input';

import { useCustomersListNavigation } from './customers-list-navigation';
import { withQuery } from './customers-list-query';

const DEBOUNCE_MS = 300;

/** Search as you type: the URL follows ~300 ms after the last keystroke (replacing history, not adding to it). */
export function CustomersListSearch() {
  const { params, isPending, navigate } = useCustomersListNavigation();
  const urlQuery = params.q ?? '';
  const [value, setValue] = useState(urlQuery);
  // The last search this box asked for, and the URL's search it last saw. When the URL changes to
  // something this box did not ask for (Clear filters, Back), the box follows it; otherwise typing wins.
  const [requested, setRequested] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (urlQuery !== requested) {
      setRequested(urlQuery);
      setValue(urlQuery);
    }
  }

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string) {
    clearTimeout(timer.current);
    const q = text.trim();
    if (q === requested) return;
    setRequested(q);
    navigate(withQuery(params, { q }), { replace: true });
  }

  function onChange(text: string) {
    setValue(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => search(text), DEBOUNCE_MS);
  }

  return (
    <form
      role="search"
      className="relative min-w-0 basis-full sm:basis-0 sm:flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        search(value);
      }}
    >
      <label htmlFor="customers-search" className="sr-only">
        Search customers
      </label>
      <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <Input
        id="customers-search"
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            setValue('');
            search('');
          }
        }}
        placeholder="Search name, email, phone or company"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        className="pl-9 pr-9 [&::-webkit-search-cancel-button]:hidden"
      />
      <span className="absolute right-2 top-1/2 flex -translate-y-1/2 items-center">
        {isPending && requested === value.trim() && value ? (
          <Loader2 className="size-4 animate-spin text-slate-400" aria-hidden />
        ) : (
          value && (
            <button
              type="button"
              onClick={() => {
                setValue('');
                search('');
              }}
              className="rounded p-0.5 text-slate-500 hover:text-slate-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
              aria-label="Clear search"
            >
              <X className="size-4" aria-hidden />
            </button>
          )
        )}
      </span>
    </form>
  );
}
