import { describe, expect, it } from 'vitest';

import { errorsByField, onFields, splitServerErrors } from './server-errors';

const FIELDS = ['firstName', 'email', 'tags', 'vip', 'vip.minOrders'] as const;
const refused = (...fieldErrors: { path: string; message: string }[]) => ({ message: 'Some fields need attention', fieldErrors });

describe('splitServerErrors', () => {
  it('puts each error on its field, in page order, so the topmost gets focus', () => {
    const { placed, formMessage } = splitServerErrors(refused({ path: 'tags', message: 't' }, { path: 'firstName', message: 'f' }), onFields(FIELDS));
    expect(placed).toEqual([
      { name: 'firstName', message: 'f' },
      { name: 'tags', message: 't' },
    ]);
    expect(formMessage).toBeNull();
  });

  it('puts an error inside a field on that field, the closest one when fields nest', () => {
    const { placed } = splitServerErrors(refused({ path: 'tags.3', message: 'tag' }, { path: 'vip.minOrders', message: 'min' }, { path: 'vip.other', message: 'vip' }), onFields(FIELDS));
    expect(placed.map((error) => error.name)).toEqual(['tags', 'vip', 'vip.minOrders']);
  });

  it('never takes a field whose name only begins the path', () => {
    expect(splitServerErrors(refused({ path: 'emailConsent', message: 'c' }), onFields(FIELDS)).placed).toEqual([]);
  });

  it('says the errors no field can show above the form, beside those on fields', () => {
    const { placed, formMessage } = splitServerErrors(
      refused({ path: 'email', message: 'Email already in use.' }, { path: 'currency', message: 'Orders are in GBP.' }, { path: '(body)', message: 'Expected an object.' }),
      onFields(FIELDS),
    );
    expect(placed).toEqual([{ name: 'email', message: 'Email already in use.' }]);
    expect(formMessage).toBe('Orders are in GBP. Expected an object.');
  });

  it('says the refusal’s own message when it names no field', () => {
    expect(splitServerErrors(refused(), onFields(FIELDS))).toEqual({ placed: [], formMessage: 'Some fields need attention' });
  });

  it('takes a placing function for fields a list cannot name (item lines)', () => {
    const place = (path: string) => (/^items\.\d+$/.test(path) ? { name: path, rank: Number(path.split('.')[1]) } : null);
    expect(splitServerErrors(refused({ path: 'items.10', message: 'b' }, { path: 'items.2', message: 'a' }), place).placed.map((error) => error.name)).toEqual(['items.2', 'items.10']);
  });
});

describe('errorsByField', () => {
  it('keeps the first message of each field, and what no field can show for the form', () => {
    const { byField, firstField, formMessage } = errorsByField(
      refused({ path: 'email', message: 'e1' }, { path: 'email', message: 'e2' }, { path: 'firstName', message: 'f' }, { path: 'role', message: 'r' }),
      ['firstName', 'email'],
    );
    expect(byField).toEqual({ firstName: 'f', email: 'e1' });
    expect(firstField).toBe('firstName');
    expect(formMessage).toBe('r');
  });

  it('is empty when nothing was refused', () => {
    expect(errorsByField(null, ['name'])).toEqual({ byField: {}, firstField: null, formMessage: null });
  });
});
