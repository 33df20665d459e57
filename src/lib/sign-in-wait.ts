// Shared by the staff auth server (its 429 answers) and the sign-in forms, so all say the same thing.

/** The error code of a sign-in refused because its email has failed too often (not because of its address). */
export const ACCOUNT_THROTTLED_CODE = 'TOO_MANY_FAILED_SIGN_INS';

/** A wait in whole seconds as people say it: 1 → "1 second", 45 → "45 seconds", 61 → "2 minutes". */
export function describeWait(seconds: number): string {
  if (seconds < 60) {
    const whole = Math.max(1, Math.ceil(seconds));
    return whole === 1 ? '1 second' : `${whole} seconds`;
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** "in 15 minutes (at 14:32)": the clock time helps when the wait is long enough to walk away. */
export function whenToRetry(seconds: number | undefined, fallback: string): string {
  if (!seconds || !Number.isFinite(seconds)) return fallback;
  if (seconds < 120) return `in ${describeWait(seconds)}`;
  // The visitor's own clock: this is shown only after a submit, never in server HTML.
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `in ${describeWait(seconds)} (at ${at})`;
}
