// npm run recount: recomputes reputation, scores and answer counts from the source rows and
// reports any drift (exit code 1 when something had drifted, after fixing it).
import { recount } from "~/services/recount.server";
import { openDatabaseFromEnv } from "./open-from-env";

const handle = await openDatabaseFromEnv();
try {
  const drift = await recount(handle.db);
  if (drift.length === 0) {
    console.log("Recount: no drift. Reputation, scores and answer counts match their source rows.");
  } else {
    const corrected = drift.filter((item) => item.what !== "ledger");
    const ledger = drift.filter((item) => item.what === "ledger");
    if (corrected.length > 0) console.log(`Recount: ${corrected.length} cached value(s) had drifted and were corrected:`);
    for (const item of corrected) console.log(`  ${item.what} of #${item.id}: cached ${item.cached}, actual ${item.actual}`);
    if (ledger.length > 0) console.log(`Recount: ${ledger.length} ledger mismatch(es) (live events vs. the votes, accepts and promotions that exist; not corrected):`);
    for (const item of ledger) console.log(`  post #${item.id}, ${item.detail}: ${item.cached} live event(s), expected ${item.actual}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
