import { openAICompatible } from '@genkit-ai/compat-oai';
import { googleAI } from '@genkit-ai/google-genai';
import { genkit, type Genkit } from 'genkit';

import { readClassifierProvider, type ClassifierProvider } from './provider';

export * from './provider';

// The Genkit instance the AI flows run on, with the plugin of the provider configured by env (see ./provider.ts).
//
// Genkit's developer tooling stays off: its constructor starts a reflection server (an HTTP port for the Genkit
// CLI) only when GENKIT_ENV is 'dev', so the instance is made with GENKIT_ENV hidden; and traces are exported only
// to a GENKIT_TELEMETRY_SERVER, which the app never sets. Nothing is downloaded.

/** A Genkit instance with the provider's plugin (or none). Tests create their own and register scripted models. */
export function createGenkit(provider: ClassifierProvider = { kind: 'none' }): Genkit {
  const plugins =
    provider.kind === 'gemini'
      ? [googleAI({ apiKey: provider.apiKey })]
      : provider.kind === 'openai-compat'
        ? [openAICompatible({ name: 'openai-compat', baseURL: provider.baseURL, apiKey: provider.apiKey ?? false })]
        : [];
  // The reflection server is decided in the constructor alone (`isDevEnv()`): hide a 'dev' GENKIT_ENV from it.
  const env = process.env.GENKIT_ENV;
  delete process.env.GENKIT_ENV;
  try {
    return genkit({ plugins });
  } finally {
    if (env !== undefined) process.env.GENKIT_ENV = env;
  }
}

const globalForAi = globalThis as unknown as { classifierAi?: { key: string; ai: Genkit } };

/** The process's Genkit instance for the configured provider (made once; remade if the configuration changes). */
export function getGenkit(provider: ClassifierProvider = readClassifierProvider()): Genkit {
  const key = JSON.stringify(provider);
  if (globalForAi.classifierAi?.key !== key) globalForAi.classifierAi = { key, ai: createGenkit(provider) };
  return globalForAi.classifierAi.ai;
}
