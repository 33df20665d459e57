import { configuredPublicUrl } from '@/lib/config';

/**
 * Whether the session cookies are `Secure`: by the configured URL's scheme, or in production when none is configured.
 * Set explicitly because better-auth would otherwise read it off its base URL, which falls back to http://localhost
 * when BETTER_AUTH_URL is unset (lib/config.ts publicUrl): that fallback must not make production cookies plain.
 */
export function secureSessionCookies(): boolean {
  const configured = configuredPublicUrl();
  return configured ? configured.startsWith('https://') : process.env.NODE_ENV === 'production';
}
