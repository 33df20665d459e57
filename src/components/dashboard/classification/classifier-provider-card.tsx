import { Bot, ListChecks } from 'lucide-react';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

/** Who answers classification requests: the built-in rules alone, or a model with the rules as fallback. No keys. */
export function ClassifierProviderCard({
  provider,
  isModelConfigured,
  timeoutMs,
}: {
  provider: { label: string; model: string | null; endpoint: string | null };
  isModelConfigured: boolean;
  timeoutMs: number;
}) {
  const Icon = isModelConfigured ? Bot : ListChecks;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Who answers</CardTitle>
      </CardHeader>
      <CardContent className="flex items-start gap-3 py-4 text-sm text-slate-700">
        <Icon className="mt-0.5 size-5 shrink-0 text-indigo-600" aria-hidden />
        <div className="min-w-0 space-y-1">
          <p className="font-medium text-slate-900">{provider.label}</p>
          {isModelConfigured ? (
            <>
              <p>
                Model <code className="break-all rounded bg-slate-100 px-1 py-0.5 text-xs">{provider.model}</code>
                {provider.endpoint && (
                  <>
                    {' '}at <code className="break-all rounded bg-slate-100 px-1 py-0.5 text-xs">{provider.endpoint}</code>
                  </>
                )}
                . It sees the same figures as the rules and must name one of your groups.
              </p>
              <p className="text-slate-600">
                If it takes longer than {(timeoutMs / 1000).toLocaleString('en-GB')} s, fails or answers something invalid, the built-in rules answer
                instead and the suggestion says why.
              </p>
            </>
          ) : (
            <p className="text-slate-600">
              No language model is configured, so the rules below decide every suggestion. To add one, set{' '}
              <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">GEMINI_API_KEY</code> (and optionally{' '}
              <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">CLASSIFIER_MODEL</code>), or{' '}
              <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">OPENAI_COMPAT_BASE_URL</code> and{' '}
              <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">OPENAI_COMPAT_MODEL</code> for an OpenAI-compatible server such as Ollama,
              and restart.
            </p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
