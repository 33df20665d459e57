// The shapes of a customer CSV import's report, shared by the service, the API document and the dashboard.

export interface RowProblem {
  line: number;
  /** The column the problem is in, as the header names it; null for the row as a whole. */
  column: string | null;
  message: string;
  /** An error is a row that cannot be imported; a skip is a row left alone on purpose (exists, duplicate). */
  kind: 'error' | 'skipped';
}

/** What an import did, or a dry run would do: counts, and the first problems with line, column and message. */
export interface ImportReport {
  fileName: string;
  /** The format read from the header, e.g. "Shopify customer export (current)". */
  format: string;
  /** Columns read and not imported (stats, metafields, WooCommerce's derived figures). */
  ignoredColumns: string[];
  overwrite: boolean;
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  /** Matched rows that already hold the file's values (overwrite): nothing written. */
  unchanged: number;
  skipped: number;
  errors: number;
  /** The first MAX_REPORTED_PROBLEMS, in file order; `problemCount` counts all. */
  problems: RowProblem[];
  problemCount: number;
}

