// npm run badges:backfill: awards every earned badge that existing data qualifies for (members
// who earned one before badges existed, or while a rule was missing). Safe to run again: a badge
// already held is never awarded twice.
import { backfillBadges } from "~/services/badges.server";
import { openDatabaseFromEnv } from "./open-from-env";

const handle = await openDatabaseFromEnv();
try {
  const { members, awarded } = await backfillBadges(handle.db);
  console.log(`Badges backfill: checked ${members} member(s), awarded ${awarded} new badge(s).`);
} finally {
  await handle.close();
}
