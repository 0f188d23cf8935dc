import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client";

/** The database the app would use: DATABASE_URL, or the embedded one in ./data/pglite. */
export function openDatabaseFromEnv() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  return openDatabase({
    url: process.env.DATABASE_URL,
    dataDir: process.env.PGLITE_DATA_DIR ?? path.join(root, "data", "pglite"),
  });
}
