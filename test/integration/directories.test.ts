// /users and /tags: who is listed, in which order, filtered, paged by keyset, and who may describe a tag.
// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (one fresh database for the file).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { posts, tags, users } from "../../db/schema";
import * as tagRoute from "~/routes/tags.$tag";
import * as tagsRoute from "~/routes/tags._index";
import * as usersRoute from "~/routes/users._index";
import { askQuestion } from "~/services/posting.server";
import { listTags } from "~/services/tag-directory.server";
import { listUsers } from "~/services/user-directory.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest } from "../support/routes";

const t = useTestDatabase();
const people: Record<string, { id: number }> = {};

beforeAll(async () => {
  // Four contributors with distinct reputations and join dates, one lurker, one deleted account.
  const day = 24 * 60 * 60 * 1000;
  const base = Date.parse("2026-01-01T00:00:00Z");
  people.zoe = await makeUser(t.db, { name: "Zoe Ashworth", reputation: 40, createdAt: new Date(base) });
  people.adam = await makeUser(t.db, { name: "adam Brook", reputation: 900, createdAt: new Date(base + day) });
  people.mia = await makeUser(t.db, { name: "Mia Chen", reputation: 250, createdAt: new Date(base + 2 * day) });
  people.staff = await makeUser(t.db, { name: "Sam Staff", role: "staff", createdAt: new Date(base + 3 * day) });
  people.lurker = await makeUser(t.db, { name: "Lurking Larry", reputation: 5000 });
  people.gone = await makeUser(t.db, { name: "Former member", reputation: 700 });
  const body = "The totals on the report do not match the ledger at all.";
  const q1 = await askQuestion(t.db, { authorId: people.zoe.id, title: "Totals do not match the ledger report", body, tags: ["dir-ledger", "dir-reports"] });
  await askQuestion(t.db, { authorId: people.zoe.id, title: "Ledger export misses the last day", body, tags: ["dir-ledger"] });
  await askQuestion(t.db, { authorId: people.mia.id, title: "Reports load slowly in the morning", body, tags: ["dir-ledger", "dir-speed_100%"] });
  await makeAnswer(t.db, people.adam.id, q1.id);
  await makeAnswer(t.db, people.staff.id, q1.id);
  await makeAnswer(t.db, people.gone.id, q1.id);
  await t.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, people.gone.id));
});

const names = (rows: { displayName: string }[]) => rows.map((row) => row.displayName);

describe("/users", () => {
  it("lists contributors only, by reputation, newest or name, each walked page by page", async () => {
    const all = await listUsers(t.db, { sort: "reputation" });
    expect(names(all.users)).toEqual(["adam Brook", "Mia Chen", "Zoe Ashworth", "Sam Staff"]);
    expect(all.users.find((user) => user.displayName === "Zoe Ashworth")).toMatchObject({ questionCount: 2, answerCount: 0 });

    for (const [sort, expected] of [
      ["reputation", ["adam Brook", "Mia Chen", "Zoe Ashworth", "Sam Staff"]],
      ["new", ["Sam Staff", "Mia Chen", "adam Brook", "Zoe Ashworth"]],
      ["name", ["adam Brook", "Mia Chen", "Sam Staff", "Zoe Ashworth"]],
    ] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listUsers>> = await listUsers(t.db, { sort, after, pageSize: 3 });
        seen.push(...names(page.users));
        after = page.nextCursor;
      } while (after);
      expect(seen, sort).toEqual(expected);
    }
  });

  it("filters by a part of the name, any case, with LIKE wildcards taken literally", async () => {
    expect(names((await listUsers(t.db, { sort: "name", filter: "BROOK" })).users)).toEqual(["adam Brook"]);
    expect((await listUsers(t.db, { sort: "name", filter: "%" })).users).toEqual([]);
  });

  it("answers an unknown sort or a forged page link with a 400, not an error page", async () => {
    const unknownSort = await callRoute(() => usersRoute.loader({ request: getRequest("/users?sort=karma"), params: {}, context: contextFor(t.db) }));
    expect(unknownSort.status).toBe(400);
    const forged = await callRoute(() => usersRoute.loader({ request: getRequest("/users?sort=name&after=bm9wZQ"), params: {}, context: contextFor(t.db) }));
    expect(forged.status).toBe(400);
  });
});

describe("/tags", () => {
  it("lists tags in use with their question counts, by popularity or name, filtered, paged", async () => {
    const popular = await listTags(t.db, { sort: "popular", filter: "dir-" });
    expect(popular.tags.map((tag) => [tag.name, tag.questionCount])).toEqual([
      ["dir-ledger", 3],
      ["dir-reports", 1],
      ["dir-speed_100%", 1],
    ]);
    const first = await listTags(t.db, { sort: "name", filter: "dir-", pageSize: 2 });
    const second = await listTags(t.db, { sort: "name", filter: "dir-", after: first.nextCursor, pageSize: 2 });
    expect([...first.tags, ...second.tags].map((tag) => tag.name)).toEqual(["dir-ledger", "dir-reports", "dir-speed_100%"]);
    expect(second.nextCursor).toBeNull();
    expect((await listTags(t.db, { sort: "name", filter: "_100%" })).tags.map((tag) => tag.name)).toEqual(["dir-speed_100%"]);
  });

  it("drops a tag whose questions are all deleted", async () => {
    const asker = await makeUser(t.db);
    const only = await askQuestion(t.db, { authorId: asker.id, title: "A question about a rare topic here", body: "The only question with this tag in it.", tags: ["dir-rare"] });
    expect((await listTags(t.db, { sort: "name", filter: "dir-rare" })).tags).toHaveLength(1);
    await t.db.update(posts).set({ deletedAt: new Date(), deletionReason: "staff" }).where(eq(posts.id, only.id));
    expect((await listTags(t.db, { sort: "name", filter: "dir-rare" })).tags).toHaveLength(0);
    const page = await callRoute(() => tagRoute.loader({ request: getRequest("/tags/dir-rare"), params: { tag: "dir-rare" }, context: contextFor(t.db) }));
    expect(page.status).toBe(404);
  });

  it("lets staff describe a tag, shown on /tags; a customer is refused and nothing changes", async () => {
    const customer = await sessionCookieFor(t.db, people.adam.id);
    const refused = await callRoute(() =>
      tagRoute.action({ request: formRequest("/tags/dir-ledger", { description: "Customer words" }, customer), params: { tag: "dir-ledger" }, context: contextFor(t.db) }),
    );
    expect(refused.status).toBe(403);

    const staff = await sessionCookieFor(t.db, people.staff.id);
    const tooLong = await callRoute(() =>
      tagRoute.action({ request: formRequest("/tags/dir-ledger", { description: "x".repeat(301) }, staff), params: { tag: "dir-ledger" }, context: contextFor(t.db) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.values.description).toHaveLength(301);

    const saved = await callRoute(() =>
      tagRoute.action({ request: formRequest("/tags/dir-ledger", { description: "  Ledger totals and exports.  " }, staff), params: { tag: "dir-ledger" }, context: contextFor(t.db) }),
    );
    expect(saved.status).toBe(302);
    const [row] = await t.db.select({ description: tags.description }).from(tags).where(eq(tags.name, "dir-ledger"));
    expect(row?.description).toBe("Ledger totals and exports.");
    const listed = await callRoute(() => tagsRoute.loader({ request: getRequest("/tags?filter=dir-ledger"), params: {}, context: contextFor(t.db) }));
    expect(listed.data.tags[0].description).toBe("Ledger totals and exports.");
  });
});
