import type { InvoiceKind, InvoiceLine, LineResult } from './parse';

export interface InvoiceItem {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

/** The lines of one invoice, for one customer: an order to write, or a cancellation to refund. */
export interface Invoice {
  invoiceNo: string;
  kind: InvoiceKind;
  customerExternalId: string;
  country: string;
  /** UTC ms of its earliest line: a few invoices' lines are stamped a minute apart. */
  placedAt: number;
  items: InvoiceItem[];
  lastLineNumber: number;
}

// An invoice's lines are nearly always contiguous, but the UCI file has one (542806) interrupted by two lines of
// another invoice. An invoice is closed only once this many lines have passed since its last line, so a late line
// still joins it; a line arriving after its invoice was written is refused.
export const DEFAULT_HOLD_LINES = 1_000;

// About 5 MB of invoice numbers, four times the invoices of the UCI file; a line of an invoice written longer ago
// than that is not recognised, and its invoice, already in the database, counts as already present.
const WRITTEN_REMEMBERED = 100_000;

/**
 * Groups lines into invoices and hands out batches of `batchSize` closed invoices, in file order. Memory holds
 * the invoices of about one batch plus those of the last `holdLines` lines, and the numbers of the last
 * WRITTEN_REMEMBERED invoices written (to recognise a line arriving after its invoice was written).
 */
export class InvoiceBatcher {
  /** Invoices that may still get lines, oldest first (a Map keeps insertion order). */
  private open = new Map<string, Invoice>();
  private closed: Invoice[] = [];
  /** Open and closed invoices not yet handed out, by number. */
  private pending = new Map<string, Invoice>();
  private seenLines = new Map<string, Set<string>>();
  /** Oldest first (a Set keeps insertion order), so the oldest is forgotten first. */
  private written = new Set<string>();
  /** Lines identical to an earlier line of the same invoice; kept, since an invoice may bill an item twice. */
  duplicateLines = 0;

  constructor(
    private readonly batchSize: number,
    private readonly holdLines = DEFAULT_HOLD_LINES,
  ) {}

  /** Adds a parsed line to its invoice; a line that cannot join its invoice comes back as a skip. */
  add(line: InvoiceLine, lineNumber: number, rawFields: string[]): Extract<LineResult, { skip: unknown }> | null {
    if (this.written.has(line.invoiceNo)) {
      return { skip: 'outOfSequence', problem: `invoice ${line.invoiceNo} was already written; its lines must be within ${this.holdLines} lines of each other` };
    }
    let invoice = this.pending.get(line.invoiceNo);
    if (!invoice) {
      invoice = { invoiceNo: line.invoiceNo, kind: line.kind, customerExternalId: line.customerExternalId, country: line.country, placedAt: line.placedAt, items: [], lastLineNumber: lineNumber };
      this.pending.set(line.invoiceNo, invoice);
      this.open.set(line.invoiceNo, invoice);
      this.seenLines.set(line.invoiceNo, new Set());
    } else if (invoice.customerExternalId !== line.customerExternalId) {
      return { skip: 'unparseable', problem: `invoice ${line.invoiceNo} is customer ${invoice.customerExternalId}'s, this line names ${line.customerExternalId}` };
    }
    const key = rawFields.join('\u0001');
    const seen = this.seenLines.get(line.invoiceNo)!;
    if (seen.has(key)) this.duplicateLines += 1;
    else seen.add(key);
    invoice.items.push({ sku: line.sku, name: line.name, quantity: line.quantity, unitPrice: line.unitPrice });
    invoice.placedAt = Math.min(invoice.placedAt, line.placedAt);
    invoice.lastLineNumber = lineNumber;
    return null;
  }

  /** The next batch once `batchSize` invoices are closed, or everything left at the end (`isFinal`); else null. */
  takeBatch(currentLineNumber: number, isFinal = false): Invoice[] | null {
    // Only the oldest open invoice is looked at: each line costs O(1), and an invoice still receiving lines
    // holds back those behind it for a moment, which keeps batches in file order.
    for (let oldest = this.open.values().next().value; oldest && oldest.lastLineNumber < currentLineNumber - this.holdLines; oldest = this.open.values().next().value) {
      this.open.delete(oldest.invoiceNo);
      this.closed.push(oldest);
    }
    if (isFinal) {
      this.closed.push(...this.open.values());
      this.open.clear();
    }
    if (this.closed.length === 0 || (!isFinal && this.closed.length < this.batchSize)) return null;
    const batch = this.closed;
    this.closed = [];
    for (const invoice of batch) {
      this.pending.delete(invoice.invoiceNo);
      this.seenLines.delete(invoice.invoiceNo);
      this.written.add(invoice.invoiceNo);
    }
    for (const oldest of this.written) {
      if (this.written.size <= WRITTEN_REMEMBERED) break;
      this.written.delete(oldest);
    }
    return batch;
  }
}
