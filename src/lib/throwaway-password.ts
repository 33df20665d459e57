/**
 * The password the storefront's sign-up form sends: better-auth's /sign-up/email requires one, but the shopper
 * chooses theirs on the confirmation page. 32 random bytes, base64url (43 characters, inside the password limits),
 * that nobody ever sees: an unconfirmed login cannot sign in, and confirming replaces it.
 */
export function throwawayPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  // btoa, not Buffer: this runs in the browser too.
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
