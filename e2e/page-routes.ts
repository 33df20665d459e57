import { readdirSync } from 'node:fs';
import path from 'node:path';

const APP_DIR = path.resolve(import.meta.dirname, '../src/app');

/**
 * Every page route of the app router, as a visitor addresses it with the dynamic segments left in: the folders of
 * each src/app/**\/page.tsx with route groups `(name)` dropped, e.g. `/dashboard/customers/[id]`.
 */
export function appPageRoutes(dir = APP_DIR): string[] {
  const routes = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]) {
    if (path.basename(entry) !== 'page.tsx') continue;
    const segments = path.dirname(entry).split(path.sep).filter((segment) => segment !== '.' && !/^\(.*\)$/.test(segment));
    routes.add(`/${segments.join('/')}`);
  }
  return [...routes].sort();
}
