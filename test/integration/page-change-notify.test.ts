// What tells the page caches that something changed: a NOTIFY at the commit of a write to what
// cached pages show, and nothing for writes they do not show (an article's view count moves on
// every read; were it to notify, every article view would empty every cache). On PGlite and on
// PostgreSQL (DATABASE_URL).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES_CHANGED_CHANNEL } from "../../app/server/page-cache";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser } from "../support/fixtures";

let t: TestDatabase;
let notified = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.listen(PAGES_CHANGED_CHANNEL, () => notified++, () => {});
});
afterAll(async () => {
  await t?.destroy();
});

/** How many notifications one write brings (they arrive just after its commit). */
async function notificationsFrom(write: () => Promise<unknown>) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const before = notified;
  await write();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return notified - before;
}

describe("page change notifications", () => {
  it("come once per committed write to what pages show, never for a rolled-back one", async () => {
    const asker = await makeUser(t.db);
    const question = await makeQuestion(t.db, asker.id, "Why does the invoice total differ from the PDF?");
    expect(await notificationsFrom(() => makeAnswer(t.db, asker.id, question.id, "Rounding per line."))).toBeGreaterThan(0);
    expect(await notificationsFrom(() => t.db.execute(sql`update posts set score = score + 1 where id = ${question.id}`))).toBe(1);
    const rolledBack = notificationsFrom(() =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`update posts set score = score + 1 where id = ${question.id}`);
        tx.rollback();
      }).catch(() => {}),
    );
    expect(await rolledBack).toBe(0);
  });

  it("come for an article's title or publication, not for its view and helpful counters", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    await t.db.execute(sql`insert into kb_articles (slug, title, body_markdown, body_html, renderer_version, status, created_by_id)
      values ('notify-test', 'Notify test', 'x', '<p>x</p>', 1, 'published', ${staff.id})`);
    expect(await notificationsFrom(() => t.db.execute(sql`update kb_articles set views = views + 1 where slug = 'notify-test'`))).toBe(0);
    expect(await notificationsFrom(() => t.db.execute(sql`update kb_articles set helpful_yes = helpful_yes + 1 where slug = 'notify-test'`))).toBe(0);
    expect(await notificationsFrom(() => t.db.execute(sql`update kb_articles set title = 'Notify test, renamed' where slug = 'notify-test'`))).toBe(1);
    expect(await notificationsFrom(() => t.db.execute(sql`update kb_articles set status = 'archived' where slug = 'notify-test'`))).toBe(1);
  });

  it("do not come for sessions, rate limits or the kept related lists", async () => {
    const member = await makeUser(t.db);
    expect(await notificationsFrom(() => t.db.execute(sql`update sessions set last_seen_at = now() where user_id = ${member.id}`))).toBe(0);
    expect(await notificationsFrom(() => t.db.execute(sql`delete from rate_limits`))).toBe(0);
    expect(await notificationsFrom(() => t.db.execute(sql`delete from related_posts`))).toBe(0);
  });
});
