// Demo escalation on first start: the newest unanswered question's asker has asked for staff,
// with a private note, so the staff queue and the asker's "where it stands" box have something to show.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posts } from "../../db/schema";
import { requestStaffHelp } from "~/services/escalation.server";

const HOUR = 60 * 60 * 1000;

export async function seedEscalations(db: Database, now: Date) {
  const [question] = await db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.type, "question"), isNull(posts.deletedAt), isNull(posts.closedAt), eq(posts.answerCount, 0)))
    .orderBy(desc(posts.createdAt))
    .limit(1);
  if (!question) return;
  await requestStaffHelp(db, { askerId: question.authorId, questionId: question.id, privateNote: "Account LDG-20417. Happy to share a screenshot privately." }, new Date(now.getTime() - 2 * HOUR));
}
