// PostgreSQL takes at most 65,535 parameters in one statement: rows per INSERT stay well below that.
export const ROWS_PER_INSERT = 2_000;

/** The rows in batches small enough for one multi-row INSERT each. */
export function* chunks<T>(rows: T[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) yield rows.slice(i, i + ROWS_PER_INSERT);
}
