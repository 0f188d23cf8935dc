// npm run recount: recomputes reputation, scores and answer counts from the source rows and
// reports any drift (exit code 1 when something had drifted, after fixing it).
import { recount } from "../../app/services/recount.server";
import { openDatabaseFromEnv } from "./open-from-env";

const handle = await openDatabaseFromEnv();
try {
  const drift = await recount(handle.db);
  if (drift.length === 0) {
    console.log("Recount: no drift. Reputation, scores and answer counts match their source rows.");
  } else {
    console.log(`Recount: ${drift.length} cached value(s) had drifted and were corrected:`);
    for (const item of drift) console.log(`  ${item.what} of #${item.id}: cached ${item.cached}, actual ${item.actual}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
