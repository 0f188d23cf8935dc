// npm run detect:serial-votes [-- --hours N]: finds serial voting in the last N hours (default
// MODERATION_SETTINGS.serialVotesLookbackHours) and reverses it, with an entry in the staff log
// for each voter and author. The server also runs this daily.
import { MODERATION_SETTINGS } from "~/domain/moderation";
import { reverseSerialVotes } from "~/services/serial-voting.server";
import { openDatabaseFromEnv } from "./open-from-env";

const hoursFlag = process.argv.indexOf("--hours");
const lookbackHours = hoursFlag >= 0 ? Number(process.argv[hoursFlag + 1]) : MODERATION_SETTINGS.serialVotesLookbackHours;
if (!Number.isFinite(lookbackHours) || lookbackHours <= 0) {
  console.error("Usage: npm run detect:serial-votes [-- --hours N]   (N: a positive number of hours)");
  process.exit(2);
}

const handle = await openDatabaseFromEnv();
try {
  const reversals = await reverseSerialVotes(handle.db, { lookbackHours });
  if (reversals.length === 0) console.log(`Serial voting: none found in the last ${lookbackHours} hours.`);
  for (const reversal of reversals) {
    console.log(`Serial voting: reversed ${reversal.votes.length} vote(s) from user #${reversal.voterId} on posts by user #${reversal.authorId}.`);
  }
} finally {
  await handle.close();
}
