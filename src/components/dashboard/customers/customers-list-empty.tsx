'use client';

import { SearchX, UserPlus, Users } from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';

import { ListEmptyState, ListPastEndState } from '../list/list-empty-state';

import { useCustomersListNavigation } from './customers-list-navigation';
import { FILTER_KEYS, withoutFilters } from './customers-list-query';

/**
 * Why the list is empty and what to do: the shop has no customers yet, nothing matches the search and
 * filters, or a stale page link went past the end.
 */
export function CustomersListEmpty({ reason }: { reason: 'no-customers' | 'no-matches' | 'past-end' }) {
  const { params, navigate } = useCustomersListNavigation();

  if (reason === 'no-customers') {
    return (
      <ListEmptyState icon={<Users aria-hidden />} title="No customers yet">
        <p>Customers appear here when they sign up in the store, place an order, or when you add them.</p>
        <Button asChild className="mt-5">
          <Link href="/dashboard/customers/new">
            <UserPlus aria-hidden />
            Add customer
          </Link>
        </Button>
      </ListEmptyState>
    );
  }
  if (reason === 'past-end') return <ListPastEndState>This page is past the end of the list. Customers may have been removed since the link was made.</ListPastEndState>;
  const hasFilters = FILTER_KEYS.some((key) => params[key]);
  const clearLabel = params.q && hasFilters ? 'Clear search and filters' : params.q ? 'Clear search' : 'Clear filters';
  return (
    <ListEmptyState
      icon={<SearchX aria-hidden />}
      title={params.q ? `No customers match “${params.q}”${hasFilters ? ' with these filters' : ''}` : 'No customers match these filters'}
    >
      <p>Check the spelling, search for part of a name, email or phone number, or remove some filters.</p>
      <Button variant="outline" className="mt-5" onClick={() => navigate(withoutFilters(params))}>
        {clearLabel}
      </Button>
    </ListEmptyState>
  );
}
