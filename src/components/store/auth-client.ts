import { inferAdditionalFields } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';

/**
 * The browser side of storefront customer auth (its own endpoints and cookies, apart from staff). Forms call the
 * HTTP endpoints, not server actions, because better-auth applies its per-address limits only to HTTP requests.
 */
export const storeAuthClient = createAuthClient({
  basePath: '/api/store/auth',
  plugins: [
    inferAdditionalFields({
      user: {
        firstName: { type: 'string', required: true },
        lastName: { type: 'string', required: false },
      },
    }),
  ],
});

