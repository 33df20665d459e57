import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => {};

/** False in the server HTML and during hydration, true once React handles events. */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}
