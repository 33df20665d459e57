// How a text message is split and billed: carriers send GSM-7 text (7-bit, 160 characters a message) unless a single
// character falls outside it, and then the whole message goes as UCS-2 (70 a message). A message longer than one
// segment carries a header in each part, which leaves 153 GSM-7 or 67 UCS-2 characters per segment (3GPP TS 23.038
// for the alphabets, TS 23.040 for concatenation).

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Reached through the escape character, so each costs two of the 160.
const GSM7_EXTENSION = '^{}\\[~]|€\f';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Characters as the carrier counts them: GSM-7 septets (extension characters count 2), or UCS-2 code units. */
  units: number;
  segments: number;
  /** Units a message of this many segments can still take before it needs another. */
  remaining: number;
  /** The characters that forced UCS-2, each once, for "remove … to send as GSM-7". */
  nonGsmCharacters: string[];
}

export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  const nonGsm = new Set<string>();
  for (const character of text) {
    if (GSM7_BASIC.includes(character)) septets += 1;
    else if (GSM7_EXTENSION.includes(character)) septets += 2;
    else nonGsm.add(character);
  }
  const encoding: SmsEncoding = nonGsm.size === 0 ? 'GSM-7' : 'UCS-2';
  // UCS-2 counts UTF-16 units: an emoji outside the basic plane takes two.
  const units = encoding === 'GSM-7' ? septets : text.length;
  const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  const capacity = segments <= 1 ? single : segments * part;
  return { encoding, units, segments, remaining: capacity - units, nonGsmCharacters: [...nonGsm] };
}
