import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layers of src/ and what each may import (docs/architecture.md draws them). Imports point down only:
// a folder may import the folders listed for it and packages, never a folder above it. Tests may reach across.
const LAYERS = {
  lib: [],
  db: ['lib'],
  ai: ['lib'],
  services: ['db', 'ai', 'lib'],
  seed: ['services', 'db', 'lib'],
  auth: ['services', 'db', 'lib'],
  http: ['auth', 'services', 'lib'],
  actions: ['http', 'auth', 'services', 'lib'],
  components: ['actions', 'lib'],
  app: ['components', 'actions', 'http', 'auth', 'services', 'lib'],
};
// Code that must run outside Next.js (services, the CLI, tests) or in the browser (lib) never needs the framework.
const FRAMEWORK_FREE = new Set(['lib', 'db', 'ai', 'services', 'seed']);

function layerRules(layer, allowed) {
  const forbidden = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
  const patterns = [
    {
      // `@/services/x` or a relative path that climbs into another layer (`../../services/x`).
      regex: `^(@/|(\\.\\./)+)(${forbidden.join('|')})(/|$)`,
      message: `src/${layer}/ may import only ${allowed.length ? allowed.map((name) => `src/${name}/`).join(', ') : 'itself'} and packages: imports point down the layers (docs/architecture.md).`,
    },
  ];
  if (FRAMEWORK_FREE.has(layer)) {
    patterns.push({ regex: '^(next|next/.*|react|react-dom|server-only)$', message: `src/${layer}/ knows nothing of Next.js or React; an adapter in src/http/, src/actions/ or src/app/ does.` });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/test/**'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // Dropping fields by destructuring (`const { secret, ...rest } = row`) is the plain way to omit them.
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }] } },
  ...Object.entries(LAYERS).map(([layer, allowed]) => layerRules(layer, allowed)),
  { ignores: ['.next*/**', 'node_modules/**', 'data/**', 'next-env.d.ts', 'src/db/migrations/**'] },
];

export default config;
