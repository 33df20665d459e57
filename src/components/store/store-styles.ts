// The storefront's look on top of the shared primitives: warm stone neutrals and a deep green accent, larger touch
// targets, so the shop reads apart from the indigo staff dashboard. Passed as className; tailwind-merge overrides.

export const STORE_INPUT_CLASS = 'h-11 rounded-lg border-stone-300 text-base sm:text-sm focus-visible:ring-emerald-700';
export const STORE_BUTTON_CLASS = 'h-11 w-full rounded-full bg-emerald-800 text-base text-white hover:bg-emerald-900 focus-visible:ring-emerald-700 sm:text-sm';
export const STORE_SECONDARY_BUTTON_CLASS =
  'h-11 rounded-full border-stone-300 bg-white text-stone-800 hover:bg-stone-100 focus-visible:ring-emerald-700';
export const STORE_LINK_CLASS =
  'font-medium text-emerald-800 underline decoration-emerald-800/30 underline-offset-4 hover:decoration-emerald-800 focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-2';
