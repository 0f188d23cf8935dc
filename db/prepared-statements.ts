// drizzle hands postgres.js every query as an unnamed statement, so PostgreSQL parses and plans it
// again on every call (0.1-0.5 ms, where running it takes 0.01-0.1 ms). This wraps the client so
// each distinct query text is prepared once per connection and reused, inside transactions too.
// A pooler in transaction mode that cannot follow prepared statements (PgBouncer before 1.21, or
// without max_prepared_statements) needs DATABASE_PREPARE=false.
import type { Sql } from "postgres";

type Client = Sql<Record<string, never>>;

export function preparingClient<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Client) => unknown;
          const open = Reflect.get(target, property, target) as (...a: unknown[]) => unknown;
          return open.apply(target, [...args, (tx: Client) => callback(preparingClient(tx))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
