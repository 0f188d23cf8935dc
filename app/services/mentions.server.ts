// Who an "@Name" in a post or comment reaches: the people of the thread (the asker, those who
// answered or commented), matched by handle (app/domain/mentions.ts). Notices only: the text
// itself is not changed.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { mentionedPeople, writtenHandles } from "~/domain/mentions";
import { noticeFor, type Notice } from "~/domain/notifications";

/** Everyone who wrote in a thread and still has an account: the asker, live answers' and live comments' authors. */
export async function threadPeople(db: Database, questionId: number): Promise<{ id: number; displayName: string }[]> {
  const rows = rowsOf<{ id: number; display_name: string }>(
    await db.execute(sql`
      select u.id, u.display_name from users u
      where u.deleted_at is null and u.id in (
        select author_id from posts where id = ${questionId} and deleted_at is null
        union select author_id from posts where question_id = ${questionId} and type = 'answer' and deleted_at is null
        union select c.author_id from comments c join posts p on p.id = c.post_id
          where (p.id = ${questionId} or (p.question_id = ${questionId} and p.type = 'answer')) and p.deleted_at is null and c.deleted_at is null
      )`),
  );
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

/** The mention notices for a text written in a thread; none (and no query) when it mentions nobody. */
export async function mentionNotices(
  tx: Database,
  input: { questionId: number; questionTitle: string; markdown: string; where: "answer" | "comment" | "question"; postId: number; dedupeKey: string; link: string },
): Promise<Notice[]> {
  if (writtenHandles(input.markdown).length === 0) return [];
  const people = mentionedPeople(input.markdown, await threadPeople(tx, input.questionId));
  return people.map((person) =>
    noticeFor.mention({ userId: person.id, where: input.where, questionTitle: input.questionTitle, dedupeKey: input.dedupeKey, postId: input.postId, link: input.link }),
  );
}
