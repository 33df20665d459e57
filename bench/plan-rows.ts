// Rows a plan read for the rows it returned, from EXPLAIN (ANALYZE, FORMAT JSON): a page of 50 that reads 100,000
// rows is a plan gone wrong, however fast it is on a warm cache at 100k (it is not at a million).

/** Above this many rows read for each row returned, a plan is flagged. */
export const READ_RATIO_LIMIT = 1000;

/** A node of EXPLAIN (ANALYZE, FORMAT JSON)'s plan, with the fields read here. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

export interface PlanCheck {
  /** The scans of tables, as "Index Scan customers_created_at_idx on customers: 51 rows". */
  scans: string[];
  rowsRead: number;
  rowsReturned: number;
  /** rowsRead / rowsReturned, counting an empty answer as one row. */
  readRatio: number;
}

/**
 * Counts the rows every scan of a table read (the rows it passed on plus those its filter and recheck threw away, for
 * every loop), and the rows the statement returned. Bitmap index scans are left out: their heap scan counts the rows.
 */
export function checkPlan(root: PlanNode): PlanCheck {
  const scans: string[] = [];
  let rowsRead = 0;
  const visit = (node: PlanNode) => {
    if (node['Relation Name']) {
      const loops = node['Actual Loops'] ?? 1;
      const read = Math.round(((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * loops);
      rowsRead += read;
      const via = node['Index Name'] ? ` ${node['Index Name']}` : '';
      scans.push(`${node['Node Type']}${via} on ${node['Relation Name']}: ${read.toLocaleString('en')} rows`);
    }
    node.Plans?.forEach(visit);
  };
  visit(root);
  const rowsReturned = Math.round((root['Actual Rows'] ?? 0) * (root['Actual Loops'] ?? 1));
  return { scans, rowsRead, rowsReturned, readRatio: rowsRead / Math.max(1, rowsReturned) };
}

/** The plan of EXPLAIN (FORMAT JSON)'s single cell, which one driver hands over parsed and the other as text. */
export function planOf(cell: unknown): PlanNode {
  const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as [{ Plan: PlanNode }];
  return parsed[0].Plan;
}
