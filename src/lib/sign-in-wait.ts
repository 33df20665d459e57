// Shared by the staff auth server (its 429 answers) and the sign-in form, so both say the same thing.

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
