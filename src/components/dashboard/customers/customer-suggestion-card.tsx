'use client';

import { Sparkles } from 'lucide-react';
import Link from 'next/link';
import { useState, useTransition } from 'react';

import { suggestForCustomerAction } from '@/actions/suggestions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatConfidence } from '@/lib/format';
import type { ClassificationSuggestion } from '@/lib/validation/classification-suggestions';

type Outcome = { suggestion: ClassificationSuggestion | null; reason?: string };

/** "Suggest a group": asks classifyCustomer about this customer and stores the suggestion for a manager to review. */
export function CustomerSuggestionCard({ customerId }: { customerId: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function ask() {
    setError(null);
    startTransition(async () => {
      const result = await suggestForCustomerAction(customerId);
      if (result.ok) setOutcome(result.data);
      else setError(result.message);
    });
  }

  const suggestion = outcome?.suggestion;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Group suggestion</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 py-4 text-sm">
        {suggestion ? (
          <div className="space-y-2" data-testid="customer-suggestion">
            <p>
              Suggested: <strong>{suggestion.suggestedGroupName}</strong> ({formatConfidence(suggestion.confidence)} confident; now {suggestion.currentGroupName ?? 'no group'})
            </p>
            <ul className="list-disc space-y-0.5 pl-4 text-slate-700">
              {suggestion.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <Link href="/dashboard/customers/suggestions" className="text-indigo-700 hover:underline">
              Review it with the other suggestions
            </Link>
          </div>
        ) : outcome ? (
          <p className="text-slate-700">Already in the group their purchases suggest; nothing to review.</p>
        ) : (
          <p className="text-slate-600">See which group this customer&apos;s purchases point to, with the figures behind it.</p>
        )}
        {error && <Alert variant="destructive">{error}</Alert>}
        <Button variant="outline" size="sm" onClick={ask} disabled={isPending}>
          <Sparkles aria-hidden /> {isPending ? 'Classifying…' : outcome ? 'Ask again' : 'Suggest a group'}
        </Button>
      </CardContent>
    </Card>
  );
}
