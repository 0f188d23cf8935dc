// The escalation ladder: the timed job that moves unanswered questions up (community, then tag
// experts, then the staff queue), the asker's "Request staff help" with its private note, the
// staff queue, and where one question stands. Each step is one statement with its condition in
// it, so a step runs once however many processes run the job at the same moment.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { escalationSettings, questionEscalations } from "../../db/schema";
import { communityCutoff, describeLadderPosition, expertCutoff, ladderPosition, staffDueFrom, type LadderClock, type LadderEntry, type LadderPosition } from "~/domain/escalation";
import { noticeFor } from "~/domain/notifications";
import { can, type Actor } from "~/domain/privileges";
import { formatDateTime } from "~/lib/format";
import { questionPath } from "~/lib/paths";
import { requireActor, requireAllowed } from "./actors.server";
import { notify } from "./notifications.server";
import { lockPost } from "./posts.server";
import { questionSolvedSql } from "./solved.server";

export async function ladderClock(db: Database): Promise<LadderClock> {
  const [row] = await db.select().from(escalationSettings).where(eq(escalationSettings.id, 1));
  return { communityMinutes: row.communityMinutes, expertMinutes: row.expertMinutes, staffMinutes: row.staffMinutes, startedAt: row.startedAt };
}

/** Off the ladder: gone, closed, solved, or answered by staff; and, before the staff queue, answered at all. */
const RESOLVED = sql`(
  q.deleted_at is not null or q.closed_at is not null or ${questionSolvedSql("q")}
  or exists (select 1 from posts a join users u on u.id = a.author_id where a.question_id = q.id and a.type = 'answer' and a.deleted_at is null and u.role in ('staff', 'admin'))
  or (e.stage = 'experts' and q.answer_count > 0)
)`;

/**
 * One run of the ladder's clock: settles what was answered meanwhile, then moves questions up
 * whose time with the community or the experts is over. Returns how many moved at each step.
 */
export async function climbLadder(db: Database, now = new Date()) {
  const clock = await ladderClock(db);
  const at = now.toISOString();
  const resolved = rowsOf(
    await db.execute(sql`update question_escalations e set resolved_at = ${at}::timestamptz from posts q where q.id = e.question_id and e.resolved_at is null and ${RESOLVED} returning e.question_id`),
  ).length;
  const toExperts = rowsOf(
    await db.execute(sql`
      insert into question_escalations (question_id, stage, reason, stage_at, created_at)
      select q.id, 'experts', 'unanswered', ${at}::timestamptz, ${at}::timestamptz from posts q
      where q.type = 'question' and q.deleted_at is null and q.answer_count = 0 and q.closed_at is null
        and q.created_at >= ${clock.startedAt.toISOString()}::timestamptz and q.created_at <= ${communityCutoff(now, clock).toISOString()}::timestamptz
        and not exists (select 1 from question_escalations x where x.question_id = q.id)
      on conflict (question_id) do nothing
      returning question_id`),
  ).length;
  const staffDue = staffDueFrom(now, clock);
  const toStaff = await db.transaction(async (tx) => {
    const moved = rowsOf<{ question_id: number; title: string; author_id: number }>(
      await tx.execute(sql`
        update question_escalations e set stage = 'staff', stage_at = ${at}::timestamptz, staff_due_at = ${staffDue.toISOString()}::timestamptz
        from posts q
        where q.id = e.question_id and e.stage = 'experts' and e.resolved_at is null and e.stage_at <= ${expertCutoff(now, clock).toISOString()}::timestamptz and not ${RESOLVED}
        returning e.question_id, q.title, q.author_id`),
    );
    // The asker hears it went to staff, in the same transaction as the move: once, or not at all.
    for (const question of moved) {
      const notice = noticeFor.escalated({ askerId: question.author_id, questionTitle: question.title, questionId: question.question_id, staffBy: formatDateTime(staffDue), link: questionPath({ id: question.question_id, title: question.title }) });
      await notify(tx, null, [notice], now);
    }
    return moved.length;
  });
  return { resolved, toExperts, toStaff };
}

/**
 * The asker asks for staff: the question goes straight into the staff queue (or stays there,
 * keeping its place and due time), with an optional private note only the asker and staff see.
 */
export async function requestStaffHelp(db: Database, input: { askerId: number; questionId: number; privateNote: string | null }, now = new Date()) {
  return db.transaction(async (tx) => {
    const actor = await requireActor(tx, input.askerId);
    const { facts } = await lockPost(tx, input.questionId);
    requireAllowed(can(actor, { type: "requestStaffHelp", question: facts }), "That question");
    const clock = await ladderClock(tx);
    const note = input.privateNote?.trim() || null;
    const [entry] = await tx.select().from(questionEscalations).where(eq(questionEscalations.questionId, input.questionId));
    if (entry && entry.stage === "staff" && !entry.resolvedAt) {
      // Already waiting for staff: a new note replaces the old one, the place in the queue stays.
      if (note !== null) await tx.update(questionEscalations).set({ privateNote: note }).where(eq(questionEscalations.questionId, input.questionId));
      return { staffDueAt: entry.staffDueAt ?? staffDueFrom(entry.stageAt, clock) };
    }
    const row = { stage: "staff" as const, reason: "requested" as const, stageAt: now, staffDueAt: staffDueFrom(now, clock), privateNote: note ?? entry?.privateNote ?? null, resolvedAt: null };
    await tx
      .insert(questionEscalations)
      .values({ questionId: input.questionId, createdAt: now, ...row })
      .onConflictDoUpdate({ target: questionEscalations.questionId, set: row });
    return { staffDueAt: row.staffDueAt };
  });
}

export interface QuestionLadder {
  position: LadderPosition | null;
  /** The position in words, for the page. */
  status: { where: string; due: string; late: boolean } | null;
  /** Only for the asker and staff; null for everyone else, whatever is stored. */
  privateNote: string | null;
  canRequestStaff: boolean;
  /** The viewer asked the question (else they are staff). */
  forAsker: boolean;
}

/** Where a question stands on the ladder, for its asker and for staff (others get nothing: null). */
export async function questionLadder(
  db: Database,
  question: { id: number; authorId: number; createdAt: Date; answerCount: number; solved: boolean; closed: boolean; deleted: boolean },
  viewer: Actor | null,
  now = new Date(),
): Promise<QuestionLadder | null> {
  if (!viewer || !can(viewer, { type: "readPrivateNote", question }).allowed) return null;
  const [entry] = await db.select().from(questionEscalations).where(eq(questionEscalations.questionId, question.id));
  const clock = await ladderClock(db);
  const position = ladderPosition(question, (entry as LadderEntry | undefined) ?? null, clock, now);
  const facts = { authorId: question.authorId, type: "question" as const, deleted: question.deleted, questionDeleted: question.deleted, questionAuthorId: question.authorId };
  const forAsker = viewer.id === question.authorId;
  return {
    position,
    status: position ? describeLadderPosition(position, forAsker) : null,
    privateNote: entry?.privateNote ?? null,
    canRequestStaff: position?.stage !== "staff" && !question.solved && can(viewer, { type: "requestStaffHelp", question: facts }).allowed,
    forAsker,
  };
}

export interface StaffQueueItem {
  questionId: number;
  title: string;
  askedAt: Date;
  asker: { id: number; displayName: string };
  reason: "unanswered" | "requested";
  queuedAt: Date;
  staffDueAt: Date;
  hasPrivateNote: boolean;
}

export const STAFF_QUEUE_LIMIT = 100;

/** The staff queue, oldest question first, each with when staff should have looked at it by. */
export async function staffQueue(db: Database, viewerId: number): Promise<StaffQueueItem[]> {
  const viewer = await requireActor(db, viewerId);
  requireAllowed(can(viewer, { type: "workStaffQueue" }));
  const rows = rowsOf<{ question_id: number; title: string; asked_at: string; asker_id: number; asker_name: string; reason: "unanswered" | "requested"; stage_at: string; staff_due_at: string; has_note: boolean }>(
    await db.execute(sql`
      select e.question_id, q.title, q.created_at as asked_at, u.id as asker_id, u.display_name as asker_name, e.reason, e.stage_at, e.staff_due_at, e.private_note is not null as has_note
      from question_escalations e
      join posts q on q.id = e.question_id
      join users u on u.id = q.author_id
      where e.stage = 'staff' and e.resolved_at is null and not ${RESOLVED}
      order by q.created_at, q.id
      limit ${STAFF_QUEUE_LIMIT}`),
  );
  return rows.map((row) => ({
    questionId: row.question_id,
    title: row.title,
    askedAt: new Date(row.asked_at),
    asker: { id: row.asker_id, displayName: row.asker_name },
    reason: row.reason,
    queuedAt: new Date(row.stage_at),
    staffDueAt: new Date(row.staff_due_at),
    hasPrivateNote: row.has_note,
  }));
}
