import { createAuthClient } from 'better-auth/react';

/**
 * The browser side of staff auth. Sign-in goes through the HTTP endpoint (not a server action calling
 * auth.api directly) because better-auth applies its sign-in rate limit only to HTTP requests.
 */
export const staffAuthClient = createAuthClient({ basePath: '/api/auth' });
