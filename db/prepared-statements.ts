// drizzle hands postgres.js every query as an unnamed statement, so PostgreSQL parses and plans it
// again on every call (0.1-0.5 ms, where running it takes 0.01-0.1 ms). This wraps the client so
// the queries the app runs again and again are prepared once per connection and reused, inside
// transactions too.
//
// Not every text: search writes its rare words into the query as literals (so the planner can see
// how rare they are), which makes nearly every search a new text, and postgres.js keeps each
// prepared statement for the life of the connection. So a text is prepared from its second run,
// and at most MAX_PREPARED texts per process: the hot queries repeat within the first requests,
// one-off texts never take a place, and memory on both sides stays bounded.
//
// A pooler in transaction mode that cannot follow prepared statements (PgBouncer before 1.21, or
// without max_prepared_statements) needs DATABASE_PREPARE=false.
import type { Sql } from "postgres";

type Client = Sql<Record<string, never>>;

const MAX_PREPARED = 400;
const MAX_TRACKED = 5_000;

export class PreparePolicy {
  private seen = new Set<string>();
  private prepared = new Set<string>();

  shouldPrepare(text: string): boolean {
    if (this.prepared.has(text)) return true;
    if (this.prepared.size >= MAX_PREPARED) return false;
    if (!this.seen.has(text)) {
      if (this.seen.size >= MAX_TRACKED) this.seen.clear();
      this.seen.add(text);
      return false;
    }
    this.seen.delete(text);
    this.prepared.add(text);
    return true;
  }
}

export function preparingClient<T extends Client>(client: T, policy = new PreparePolicy()): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(query, parameters as never, { ...options, prepare: policy.shouldPrepare(query) });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Client) => unknown;
          const open = Reflect.get(target, property, target) as (...a: unknown[]) => unknown;
          return open.apply(target, [...args, (tx: Client) => callback(preparingClient(tx, policy))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
