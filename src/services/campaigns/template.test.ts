import { describe, expect, it } from 'vitest';

import { unknownPlaceholders } from '@/lib/validation/campaign';

import { renderTemplate } from './template';

describe('renderTemplate', () => {
  it.each([
    ['Hi {{firstName}}', { firstName: 'Ada', lastName: 'Lovelace' }, 'Hi Ada'],
    ['Hi {{ fullName }}', { firstName: 'Ada', lastName: 'Lovelace' }, 'Hi Ada Lovelace'],
    ['Hi {{firstName}} {{lastName}}', { firstName: 'Ada', lastName: '' }, 'Hi Ada '],
    ['Hi {{firstName}}', { firstName: '  ', lastName: 'Lovelace' }, 'Hi there'],
    ['Hi {{fullName}}', { firstName: '', lastName: '' }, 'Hi there'],
    ['From {{shopName}}', { firstName: 'A', lastName: 'B' }, 'From Demo Gift Shop'],
  ])('renders %j for %j as %j', (template, recipient, expected) => {
    expect(renderTemplate(template, recipient)).toBe(expected);
  });
});

describe('unknownPlaceholders', () => {
  it.each([
    ['Hi {{firstName}} from {{shopName}}', []],
    ['Hi {{firstname}}', ['firstname']],
    ['{{ email }} and {{}}', ['email', '']],
    ['no placeholders, {single} braces', []],
  ])('finds in %j: %j', (template, expected) => {
    expect(unknownPlaceholders(template)).toEqual(expected);
  });
});
