import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { newPasswordSchema } from '@/components/store/new-password-fields';

// The README is what a new user reads before trying the product: what it promises must be what the pages do.
const README = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8').replace(/\s+/g, ' ');

describe('README', () => {
  it('says the password chosen on confirming is typed twice, as the confirmation form asks', () => {
    expect(newPasswordSchema.safeParse({ password: 'long-enough-password', confirmPassword: '' }).success).toBe(false);
    expect(README).toContain('their password (typed twice');
    expect(README).not.toMatch(/password \(typed once/);
  });

  it('says the first start builds the app and takes minutes, and later starts take seconds', () => {
    const start = README.slice(README.indexOf('## Run it'), README.indexOf('npm ci && npm test'));
    expect(start).toMatch(/first start builds the app \([^)]*minutes[^)]*seconds/);
  });
});
