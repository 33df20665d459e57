import type { Genkit, z as genkitZod } from 'genkit';
import type { ZodType } from 'zod';

import {
  classifyCustomerInputSchema,
  classifyCustomerOutputSchema,
  type ClassifyCustomerInput,
  type ClassifyCustomerOutput,
} from '@/lib/validation/classification';

import { classifierModelName, getGenkit, readClassifierProvider, readClassifierTimeoutMs } from '../genkit';

// classifyCustomer: a pure Genkit flow. Features in (purchase figures, latest orders, the shop's groups and rules),
// { suggestedGroup, confidence, reasons[] } out, zod on both sides; it never touches the database. The caller (the
// classification service) passes the built-in rules' answer too: it is what stands when no model is configured, or
// when the model is slow, fails or answers something that does not fit.

export const CLASSIFY_CUSTOMER_FLOW = 'classifyCustomer';

export type ClassificationSource = 'built_in' | 'model';

/** The answer with where it came from: the model's (validated) or the built-in rules'. */
export interface ClassificationAnswer extends ClassifyCustomerOutput {
  source: ClassificationSource;
  /** The model asked, when one was (also when its answer was not used). */
  model: string | null;
  /** Why the model's answer was not used: 'timeout after 10000 ms', 'model error: …', 'invalid output: …', 'unknown group: …'. */
  fallbackReason: string | null;
}

const SYSTEM_PROMPT = [
  "You sort a shop's customers into customer groups from their purchase history.",
  'Answer with JSON only: {"suggestedGroup": string, "confidence": number 0..1, "reasons": string[]}.',
  'suggestedGroup must be exactly one of the group names given. Follow the shop rules where they apply.',
  'Each reason is one short sentence a shop assistant can check against the figures, naming them',
  '(for example "42 orders averaging 38 items" or "top 2% by spend in the last 12 months").',
  'Money figures are integer minor units of the currency given (pence for GBP): write them as money, e.g. £1,234.50.',
].join(' ');

/** Thrown inside the flow when the model's answer does not fit; the wrapper reports it as invalid output. */
export class InvalidModelOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidModelOutputError';
  }
}

function extractJson(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/```\s*$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start >= 0 && end > start) {
      try {
        return JSON.parse(trimmed.slice(start, end + 1));
      } catch {
        // fall through
      }
    }
    throw new InvalidModelOutputError('the answer is not JSON');
  }
}

/** Checks a model's answer against the schema and the shop's groups; returns it with the group's exact name. */
export function validateModelAnswer(raw: unknown, groups: { name: string }[]): ClassifyCustomerOutput {
  const parsed = classifyCustomerOutputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidModelOutputError(`${issue.path.join('.') || 'answer'}: ${issue.message}`);
  }
  const wanted = parsed.data.suggestedGroup.trim().toLowerCase();
  const group = groups.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
  if (!group) throw new InvalidModelOutputError(`unknown group "${parsed.data.suggestedGroup.slice(0, 80)}"`);
  return { ...parsed.data, suggestedGroup: group.name };
}

const flows = new WeakMap<Genkit, Map<string, ReturnType<typeof buildFlow>>>();

// Genkit 1.x types flow schemas with its own zod 3, while the app's schemas are zod 4 (shared with the services and
// forms). Genkit gets them for its metadata; the flow itself parses its input and output with them, so nothing that
// does not fit gets in or out.
const forGenkit = <O, I>(schema: ZodType<O, I>) => schema as unknown as genkitZod.ZodType<O, genkitZod.ZodTypeDef, I>;

function buildFlow(ai: Genkit, model: string) {
  return ai.defineFlow(
    { name: `${CLASSIFY_CUSTOMER_FLOW}/${model}`, inputSchema: forGenkit(classifyCustomerInputSchema), outputSchema: forGenkit(classifyCustomerOutputSchema) },
    async (rawInput, { abortSignal }): Promise<ClassifyCustomerOutput> => {
      const input = classifyCustomerInputSchema.parse(rawInput);
      const response = await ai.generate({
        model,
        system: SYSTEM_PROMPT,
        prompt: JSON.stringify(input),
        // JSON mode where the provider has one; the schema is checked here rather than by Genkit, so that a bad
        // answer is reported as such instead of as an error.
        output: { format: 'json' },
        config: { temperature: 0 },
        abortSignal,
      });
      return validateModelAnswer(extractJson(response.text), input.groups);
    },
  );
}

/** The classifyCustomer flow on `ai`, asking `model` (one flow per instance and model). */
export function defineClassifyCustomerFlow(ai: Genkit, model: string) {
  let byModel = flows.get(ai);
  if (!byModel) flows.set(ai, (byModel = new Map()));
  let flow = byModel.get(model);
  if (!flow) byModel.set(model, (flow = buildFlow(ai, model)));
  return flow;
}

function describeError(error: unknown): string {
  if (error instanceof InvalidModelOutputError) return `invalid output: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  // Genkit wraps a schema failure of the flow's output in its own error.
  if (/schema validation failed|INVALID_ARGUMENT/i.test(message)) return `invalid output: ${message.slice(0, 200)}`;
  return `model error: ${message.slice(0, 200)}`;
}

/**
 * Classifies one customer: asks the model when one is configured (or given), validates its answer, and otherwise
 * or on timeout, error or invalid output returns `builtIn` with the reason. Never throws for model trouble.
 * `ai` and `model` default to the provider configured by env; `timeoutMs` to CLASSIFIER_TIMEOUT_MS (10 s).
 */
export async function classifyCustomer({
  input,
  builtIn,
  ai,
  model,
  timeoutMs,
}: {
  input: ClassifyCustomerInput;
  builtIn: ClassifyCustomerOutput;
  ai?: Genkit;
  model?: string | null;
  timeoutMs?: number;
}): Promise<ClassificationAnswer> {
  const modelName = model === undefined ? classifierModelName(readClassifierProvider()) : model;
  const builtInAnswer = (fallbackReason: string | null): ClassificationAnswer => ({ ...builtIn, source: 'built_in', model: modelName, fallbackReason });
  if (!modelName) return builtInAnswer(null);

  // Our own input is checked before the model is involved: a mistake here is a bug, not a model failure.
  const parsedInput = classifyCustomerInputSchema.parse(input);
  const limit = timeoutMs ?? readClassifierTimeoutMs();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, limit);
  });
  try {
    const flow = defineClassifyCustomerFlow(ai ?? getGenkit(), modelName);
    const answer = await Promise.race([flow(parsedInput, { abortSignal: controller.signal }), timedOut]);
    if (answer === 'timeout') return builtInAnswer(`timeout after ${limit} ms`);
    return { ...answer, source: 'model', model: modelName, fallbackReason: null };
  } catch (error) {
    return builtInAnswer(controller.signal.aborted ? `timeout after ${limit} ms` : describeError(error));
  } finally {
    clearTimeout(timer);
  }
}
