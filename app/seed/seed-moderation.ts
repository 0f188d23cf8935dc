// Moderation on first start: a question closed by staff as a duplicate of a demo question (its
// banner links the original), a locked thread, and a suspended member whose suspension ends in a
// week; all through the real services, so the staff action log at /admin/log has their entries.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts } from "../../db/schema";
import { castCloseVote, setThreadLock } from "~/services/closing.server";
import { askQuestion } from "~/services/posting.server";
import { suspendUser } from "~/services/suspensions.server";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEMO_ORIGINAL_TITLE = "How do I change the invoice number sequence? I want to start from INV-2025-0147";
export const DEMO_DUPLICATE_TITLE = "Can I make my invoice numbers continue from my old system, e.g. start at INV-2025-0147?";
const DEMO_LOCKED_TITLE = "Recurring invoice was sent twice to the same customer on the 1st";
export const DEMO_SUSPENSION_REASON = "Posted the same referral link in several answers. Please read the community guidelines before posting again.";

async function questionTitled(db: Database, title: string) {
  const [row] = await db.select({ id: posts.id }).from(posts).where(eq(posts.title, title));
  if (!row) throw new Error(`demo moderation: no question titled "${title}"`);
  return row.id;
}

export async function seedModeration(db: Database, idOf: (key: string) => number, now: Date) {
  const original = await questionTitled(db, DEMO_ORIGINAL_TITLE);
  const askedAt = new Date(now.getTime() - 20 * DAY);
  const duplicate = await askQuestion(
    db,
    {
      authorId: idOf("cust8"),
      title: DEMO_DUPLICATE_TITLE,
      body: "We moved from spreadsheets and Ledgerly numbers our invoices from INV-0001. I need the year in the number and to carry on from 146, where our old system stopped. Where do I set the next number?",
      tags: ["invoices"],
    },
    askedAt,
  );
  await castCloseVote(db, { actorId: idOf("staff1"), questionId: duplicate.id, kind: "close", reason: "duplicate", duplicateOfId: original }, new Date(askedAt.getTime() + 3 * HOUR));

  const locked = await questionTitled(db, DEMO_LOCKED_TITLE);
  await setThreadLock(db, { actorId: idOf("staff2"), questionId: locked, locked: true, reason: "Fixed in release 4.2; locked so the answer stays the last word." }, new Date(now.getTime() - 10 * DAY));

  await suspendUser(db, { actorId: idOf("staff2"), userId: idOf("cust7"), days: 7, reason: DEMO_SUSPENSION_REASON }, new Date(now.getTime() - HOUR));
}
