import { openDatabase } from "../../db/client";
import { config } from "~/config.server";

/** The database the app would use: DATABASE_URL, or the embedded one in PGLITE_DATA_DIR. */
export function openDatabaseFromEnv() {
  const { DATABASE_URL, DATABASE_DIRECT_URL, PGLITE_DATA_DIR, DATABASE_POOL_SIZE, DATABASE_PREPARE } = config();
  return openDatabase({ url: DATABASE_URL, directUrl: DATABASE_DIRECT_URL, dataDir: PGLITE_DATA_DIR, poolSize: DATABASE_POOL_SIZE, preparedStatements: DATABASE_PREPARE === "true" });
}
