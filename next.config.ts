import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time; bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // Lets several dev servers or builds share one checkout (each with its own output folder).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // forbidden() answers a signed-in member whose role may not see a page with 403 and forbidden.tsx, not a 200.
  experimental: { authInterrupts: true },
};

export default nextConfig;
