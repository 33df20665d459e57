import { describe, expect, it } from 'vitest';

import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits the 161st into two of 153', () => {
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, remaining: 0 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2, remaining: 306 - 161 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters such as € and { as two', () => {
    expect(smsSegments('€5 off {today}')).toMatchObject({ encoding: 'GSM-7', units: 17 });
    expect(smsSegments('€'.repeat(80)).segments).toBe(1);
    expect(smsSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7, and names it', () => {
    const text = `${'a'.repeat(69)}ł`;
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, nonGsmCharacters: ['ł'] });
    expect(smsSegments(`${text}b`)).toMatchObject({ units: 71, segments: 2, remaining: 134 - 71 });
    // An emoji is two UTF-16 units.
    expect(smsSegments('Hi 🎉')).toMatchObject({ encoding: 'UCS-2', units: 5, nonGsmCharacters: ['🎉'] });
  });

  it('keeps GSM-7 accents such as é, ñ and ü in GSM-7', () => {
    expect(smsSegments('Café Ñoño über')).toMatchObject({ encoding: 'GSM-7', units: 14 });
    // ú is not one of them.
    expect(smsSegments('Ñandú').encoding).toBe('UCS-2');
  });

  it('counts an empty message as no segments', () => {
    expect(smsSegments('')).toMatchObject({ units: 0, segments: 0, remaining: 160 });
  });
});
