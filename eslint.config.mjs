import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // Dropping fields by destructuring (`const { secret, ...rest } = row`) is the plain way to omit them.
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }] } },
  { ignores: ['.next*/**', 'node_modules/**', 'data/**', 'next-env.d.ts', 'src/db/migrations/**'] },
];
