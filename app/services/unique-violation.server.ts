// PostgreSQL's unique_violation (23505) for one named index, as either driver reports it:
// drizzle wraps the driver's error in `cause`; PGlite names the index `constraint`,
// postgres.js `constraint_name`.
export function isUniqueViolation(error: unknown, indexName: string): boolean {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  return candidates.some((candidate) => {
    if (typeof candidate !== "object" || candidate === null) return false;
    const { code, constraint, constraint_name } = candidate as { code?: string; constraint?: string; constraint_name?: string };
    return code === "23505" && (constraint ?? constraint_name) === indexName;
  });
}
