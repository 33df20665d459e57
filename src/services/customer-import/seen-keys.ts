/**
 * The e-mails and phones already met in a file, with the line of their first appearance, so that a second occurrence
 * is reported rather than imported twice. Keys are kept as 64-bit hashes in typed arrays (open addressing): 16 bytes
 * per row, about 32 MB at a million rows, where a Map of strings would take several times that. Two different keys
 * share a hash with odds of about 1 in 30 million at a million rows.
 */
export class SeenKeys {
  private hashHigh = new Uint32Array(1 << 12);
  private hashLow = new Uint32Array(1 << 12);
  // Line of the first occurrence; 0 marks an empty slot (lines start at 2, after the header).
  private lines = new Uint32Array(1 << 12);
  private size = 0;

  /** The line `key` was first seen on, or null after recording `line` as its first. */
  firstLineOf(key: string, line: number): number | null {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const [high, low] = hash64(key);
    const mask = this.lines.length - 1;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      if (this.lines[slot] === 0) {
        this.hashHigh[slot] = high;
        this.hashLow[slot] = low;
        this.lines[slot] = line;
        this.size += 1;
        return null;
      }
      if (this.hashHigh[slot] === high && this.hashLow[slot] === low) return this.lines[slot];
    }
  }

  private grow(): void {
    const { hashHigh, hashLow, lines } = this;
    const capacity = lines.length * 2;
    this.hashHigh = new Uint32Array(capacity);
    this.hashLow = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < lines.length; i += 1) {
      if (lines[i] === 0) continue;
      let slot = hashLow[i] & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.hashHigh[slot] = hashHigh[i];
      this.hashLow[slot] = hashLow[i];
      this.lines[slot] = lines[i];
    }
  }
}

// Two 32-bit FNV-1a-style hashes with different seeds and multipliers, mixed (murmur3's finaliser).
function hash64(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return [fmix(a) >>> 0, fmix(b ^ key.length) >>> 0];
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
