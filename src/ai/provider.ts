// The classifier's model provider, configured from the environment, read without loading Genkit (the settings page
// shows it). No provider configured means no model: the classifier's built-in rules answer alone.
//
//   Gemini (Google AI):       GEMINI_API_KEY (or GOOGLE_GENAI_API_KEY, GOOGLE_API_KEY)
//                             CLASSIFIER_MODEL   e.g. gemini-2.5-flash (default)
//   OpenAI-compatible:        OPENAI_COMPAT_BASE_URL   e.g. http://localhost:11434/v1 for a local Ollama
//                             OPENAI_COMPAT_MODEL      e.g. llama3.1:8b (required)
//                             OPENAI_COMPAT_API_KEY    optional (Ollama needs none)
//   Both:                     CLASSIFIER_TIMEOUT_MS    how long to wait for the model (default 10000)
//                             CLASSIFIER_PROVIDER      'gemini' | 'openai-compat' | 'none' to choose when both are set
//
// No request is made until a classification asks the model; nothing is downloaded.

export type ClassifierProvider =
  | { kind: 'none' }
  | { kind: 'gemini'; model: string; apiKey: string }
  | { kind: 'openai-compat'; model: string; baseURL: string; apiKey?: string };

export const DEFAULT_GEMINI_MODEL = 'gemini-2.5-flash';
export const DEFAULT_CLASSIFIER_TIMEOUT_MS = 10_000;

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

/** Which model provider the environment configures, if any. */
export function readClassifierProvider(env: Env = process.env): ClassifierProvider {
  const choice = value(env, 'CLASSIFIER_PROVIDER')?.toLowerCase();
  if (choice === 'none') return { kind: 'none' };
  const geminiKey = value(env, 'GEMINI_API_KEY') ?? value(env, 'GOOGLE_GENAI_API_KEY') ?? value(env, 'GOOGLE_API_KEY');
  const baseURL = value(env, 'OPENAI_COMPAT_BASE_URL');
  const compatModel = value(env, 'OPENAI_COMPAT_MODEL');
  const compat: ClassifierProvider | null =
    baseURL && compatModel ? { kind: 'openai-compat', baseURL, model: compatModel, apiKey: value(env, 'OPENAI_COMPAT_API_KEY') } : null;
  const gemini: ClassifierProvider | null = geminiKey ? { kind: 'gemini', apiKey: geminiKey, model: value(env, 'CLASSIFIER_MODEL') ?? DEFAULT_GEMINI_MODEL } : null;
  if (choice === 'gemini') return gemini ?? { kind: 'none' };
  if (choice === 'openai-compat') return compat ?? { kind: 'none' };
  return compat ?? gemini ?? { kind: 'none' };
}

/** The model's wait limit from CLASSIFIER_TIMEOUT_MS (a positive number of milliseconds), else 10 s. */
export function readClassifierTimeoutMs(env: Env = process.env): number {
  const parsed = Number(value(env, 'CLASSIFIER_TIMEOUT_MS'));
  return Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_CLASSIFIER_TIMEOUT_MS;
}

/** The Genkit model name of a provider: "googleai/gemini-2.5-flash", "openai-compat/llama3.1:8b". */
export function classifierModelName(provider: ClassifierProvider): string | null {
  if (provider.kind === 'gemini') return `googleai/${provider.model}`;
  if (provider.kind === 'openai-compat') return `openai-compat/${provider.model}`;
  return null;
}

/** What the settings page may show about the provider: its kind, model and host, never a key. */
export function describeClassifierProvider(provider: ClassifierProvider): { label: string; model: string | null; endpoint: string | null } {
  if (provider.kind === 'gemini') return { label: 'Gemini (Google AI)', model: provider.model, endpoint: null };
  if (provider.kind === 'openai-compat') {
    let endpoint: string | null = null;
    try {
      const url = new URL(provider.baseURL);
      endpoint = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    } catch {
      endpoint = null;
    }
    return { label: 'OpenAI-compatible endpoint', model: provider.model, endpoint };
  }
  return { label: 'Built-in rules only', model: null, endpoint: null };
}
