'use client';

import * as React from 'react';

import { newIdempotencyKey } from './idempotency-key';

/**
 * `submitOnce(values, send)` calls `send` with an idempotency key for this submit. While a submit of the same values
 * has no answer yet (still on its way, or it failed in transit: a timeout, a dropped connection), a new submit sends
 * that submit's key, so a double click or a retry acts once on the server and gets its answer. Once an answer
 * arrives, saved or refused, the next submit is a new request with a new key; so is one with other values.
 */
export function useIdempotentSubmit() {
  const unanswered = React.useRef<{ key: string; values: string } | null>(null);
  return React.useCallback(async <R,>(values: unknown, send: (idempotencyKey: string) => Promise<R>): Promise<R> => {
    const fingerprint = JSON.stringify(values ?? null);
    if (unanswered.current?.values !== fingerprint) unanswered.current = { key: newIdempotencyKey(), values: fingerprint };
    const { key } = unanswered.current;
    const result = await send(key);
    if (unanswered.current?.key === key) unanswered.current = null;
    return result;
  }, []);
}
