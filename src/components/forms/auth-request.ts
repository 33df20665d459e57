/** What a refused better-auth request answered: HTTP status, error code and message, and the wait. */
export interface AuthFailure {
  status?: number;
  code?: string;
  message?: string;
  /** Seconds until a refused (429) request may be tried again, from the X-Retry-After header. */
  retryAfter?: number;
  /** The whole error answer, for fields beyond the code (the sign-up hook's named `errors`). */
  body?: unknown;
}

/**
 * Runs one auth client call (staff or storefront) and returns null on success or what failed. The client's own
 * `error` has status and code; the wait comes from the response header, and a thrown error (no network) leaves the
 * status empty.
 */
export async function runAuthRequest(
  call: (fetchOptions: { onError: (context: { response: Response }) => void }) => Promise<{ error: { status: number; code?: string; message?: string } | null }>,
): Promise<AuthFailure | null> {
  const failure: AuthFailure = {};
  try {
    const { error } = await call({
      onError: ({ response }) => {
        failure.retryAfter = Number(response.headers.get('x-retry-after')) || undefined;
      },
    });
    if (!error) return null;
    failure.status = error.status;
    failure.code = error.code;
    failure.message = error.message;
    failure.body = error;
  } catch {
    // The server was not reached: no status, and the message says so.
  }
  return failure;
}
