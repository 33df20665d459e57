// Initials for avatars, taken by grapheme (Intl.Segmenter) rather than by UTF-16 unit: a name starting with an emoji
// or a letter with a combining accent keeps its whole first character, and server and browser render the same text
// (a lone surrogate from `name[0]` became "�" on the server and broke hydration).
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first user-perceived character of a word, upper-cased, or '' for an empty one. */
export function firstGrapheme(word: string): string {
  const first = graphemes.segment(word.trim())[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment.toLocaleUpperCase();
}

/** One or two initials from the first and last words of the given parts, '?' when there are none. */
export function initials(...parts: string[]): string {
  const words = parts.join(' ').split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)!] : words;
  return letters.map(firstGrapheme).join('') || '?';
}
