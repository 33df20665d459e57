import { describe, expect, it } from 'vitest';

import { classifierModelName, createGenkit, describeClassifierProvider, readClassifierProvider, readClassifierTimeoutMs } from './genkit';

describe('classifier provider from env', () => {
  it('is none without configuration, so the built-in rules answer alone', () => {
    const provider = readClassifierProvider({});
    expect(provider).toEqual({ kind: 'none' });
    expect(classifierModelName(provider)).toBeNull();
    expect(describeClassifierProvider(provider).label).toBe('Built-in rules only');
  });

  it('reads Gemini from GEMINI_API_KEY or GOOGLE_GENAI_API_KEY with CLASSIFIER_MODEL', () => {
    expect(classifierModelName(readClassifierProvider({ GEMINI_API_KEY: 'k1' }))).toBe('googleai/gemini-2.5-flash');
    expect(classifierModelName(readClassifierProvider({ GOOGLE_GENAI_API_KEY: 'k2', CLASSIFIER_MODEL: 'gemini-2.5-pro' }))).toBe('googleai/gemini-2.5-pro');
  });

  it('reads an OpenAI-compatible endpoint (a local Ollama needs no key) and prefers it unless told otherwise', () => {
    const env = { OPENAI_COMPAT_BASE_URL: 'http://localhost:11434/v1', OPENAI_COMPAT_MODEL: 'llama3.1:8b', GEMINI_API_KEY: 'k' };
    expect(readClassifierProvider(env)).toEqual({ kind: 'openai-compat', baseURL: 'http://localhost:11434/v1', model: 'llama3.1:8b', apiKey: undefined });
    expect(classifierModelName(readClassifierProvider(env))).toBe('openai-compat/llama3.1:8b');
    expect(readClassifierProvider({ ...env, CLASSIFIER_PROVIDER: 'gemini' }).kind).toBe('gemini');
    expect(readClassifierProvider({ ...env, CLASSIFIER_PROVIDER: 'none' }).kind).toBe('none');
    // A base URL without a model is not a configuration.
    expect(readClassifierProvider({ OPENAI_COMPAT_BASE_URL: 'http://localhost:11434/v1' }).kind).toBe('none');
  });

  it('describes the provider without ever showing a key, even one in the endpoint URL', () => {
    const gemini = describeClassifierProvider(readClassifierProvider({ GEMINI_API_KEY: 'AIzaSECRET' }));
    expect(JSON.stringify(gemini)).not.toContain('SECRET');
    const compat = describeClassifierProvider(
      readClassifierProvider({ OPENAI_COMPAT_BASE_URL: 'https://user:SECRETPASS@llm.example.com/v1?key=SECRETQ', OPENAI_COMPAT_MODEL: 'm', OPENAI_COMPAT_API_KEY: 'sk-SECRET' }),
    );
    expect(compat).toEqual({ label: 'OpenAI-compatible endpoint', model: 'm', endpoint: 'https://llm.example.com/v1' });
  });

  it('waits CLASSIFIER_TIMEOUT_MS for the model, 10 s by default', () => {
    expect(readClassifierTimeoutMs({})).toBe(10_000);
    expect(readClassifierTimeoutMs({ CLASSIFIER_TIMEOUT_MS: '2500' })).toBe(2500);
    expect(readClassifierTimeoutMs({ CLASSIFIER_TIMEOUT_MS: 'soon' })).toBe(10_000);
  });
});

// Genkit keeps the server in a private field; the test looks at it directly.
const reflectionServerOf = (ai: object) => (ai as { reflectionServer?: unknown }).reflectionServer;

describe('createGenkit', () => {
  it('starts no reflection server, even under GENKIT_ENV=dev, and leaves the env as it was', () => {
    const before = process.env.GENKIT_ENV;
    process.env.GENKIT_ENV = 'dev';
    try {
      const ai = createGenkit({ kind: 'none' });
      expect(reflectionServerOf(ai)).toBeNull();
      expect(process.env.GENKIT_ENV).toBe('dev');
    } finally {
      if (before === undefined) delete process.env.GENKIT_ENV;
      else process.env.GENKIT_ENV = before;
    }
  });

  it('configures the providers without calling them', async () => {
    const gemini = createGenkit({ kind: 'gemini', apiKey: 'test-key', model: 'gemini-2.5-flash' });
    const compat = createGenkit({ kind: 'openai-compat', baseURL: 'http://127.0.0.1:9/v1', model: 'tiny' });
    expect(reflectionServerOf(gemini)).toBeNull();
    // The OpenAI-compatible plugin resolves any model name on demand, without a request.
    const model = await compat.registry.lookupAction('/model/openai-compat/tiny');
    expect(model?.__action.name).toBe('openai-compat/tiny');
  });
});
