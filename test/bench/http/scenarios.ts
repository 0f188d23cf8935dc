// What the HTTP bench asks the server for. Each scenario is a long list of distinct requests drawn
// from the seeded data (many questions, tags, users, sessions, search words), which the load
// generator cycles through, so no scenario is one hot URL served from a warm cache line. Sessions
// are made directly with the sessions service, as a login would, without paying for argon2.
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { articlePath, questionPath, tagPath, userPath } from "~/lib/paths";
import { encodeCursor } from "~/services/question-queries.server";
import { createSession } from "~/services/sessions.server";
import { SESSION_COOKIE } from "~/http/viewer.server";
import type { BenchRequest } from "./load";

export interface Scenario {
  name: string;
  label: string;
  requests: BenchRequest[];
  /** Writes need an Origin header naming the server (the same-origin rule in app/server/security.ts). */
  writes?: boolean;
}

export interface ScenarioSet {
  scenarios: Scenario[];
  /** Scenarios left out, and why. */
  skipped: { name: string; why: string }[];
}

/** How many distinct URLs (or sessions) a scenario cycles through, at most. */
const DISTINCT = 500;
const SESSIONS = 200;

interface QuestionRow {
  id: number;
  title: string;
  author_id: number;
  created_at: string;
  last_activity_at: string;
  score: number;
}

const rows = async <T>(db: Database, query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));
const form = (fields: Record<string, string | number>) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };

/** Builds every scenario from the data; needs the database open here (before the server starts, for PGlite). */
export async function buildScenarios(db: Database): Promise<ScenarioSet> {
  const questions = await rows<QuestionRow>(
    db,
    sql`select id, title, author_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
               to_char(last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_activity_at, score
        from posts where type = 'question' and deleted_at is null and locked_at is null order by random() limit ${DISTINCT}`,
  );
  const answers = await rows<{ id: number; question_id: number; title: string; author_id: number }>(
    db,
    sql`select a.id, a.question_id, q.title, a.author_id from posts a join posts q on q.id = a.question_id
        where a.type = 'answer' and a.deleted_at is null and q.deleted_at is null and q.locked_at is null order by random() limit ${DISTINCT}`,
  );
  const people = await rows<{ id: number; display_name: string }>(db, sql`select id, display_name from users where deleted_at is null order by random() limit ${DISTINCT}`);
  const tags = await rows<{ name: string }>(db, sql`select name from tags where question_count > 0 order by question_count desc limit ${DISTINCT}`);
  const articles = await rows<{ slug: string }>(db, sql`select slug from kb_articles where status = 'published' and deleted_at is null order by random() limit ${DISTINCT}`);
  // Signed-in members who may upvote (15 reputation), not new (no new-account posting limit), not suspended.
  const members = await rows<{ id: number }>(
    db,
    sql`select id from users where role = 'customer' and reputation >= 15 and deleted_at is null and suspended_until is null
        and created_at < now() - interval '30 days' order by random() limit ${SESSIONS}`,
  );
  const sessions: { userId: number; cookie: string }[] = [];
  for (const member of members) sessions.push({ userId: member.id, cookie: `${SESSION_COOKIE}=${(await createSession(db, member.id)).token}` });
  const session = (i: number) => sessions[i % sessions.length];

  const skipped: ScenarioSet["skipped"] = [];
  const scenarios: Scenario[] = [
    // The home page is the newest list; sorts and its first pages are what visitors land on.
    { name: "home", label: "home list /", requests: ["/", "/?sort=active", "/?sort=top", "/?sort=unanswered"].map((path) => ({ path })) },
    { name: "tag", label: "tag page /tags/<name>", requests: tags.map((tag) => ({ path: tagPath(tag.name) })) },
    { name: "question", label: "question page, anonymous", requests: questions.map((q) => ({ path: questionPath(q) })) },
    {
      name: "question-signed-in",
      label: "question page, signed in",
      requests: questions.map((q, i) => ({ path: questionPath(q), headers: { cookie: session(i).cookie } })),
    },
    {
      // A keyset page at a random depth of one of the three dated or scored sorts.
      name: "deep-list",
      label: "question list, deep page (keyset)",
      requests: questions.map((q, i) => {
        const sort = (["newest", "active", "top"] as const)[i % 3];
        const key = sort === "top" ? q.score : sort === "active" ? q.last_activity_at : q.created_at;
        return { path: `/questions?sort=${sort}&after=${encodeCursor({ key, id: q.id })}` };
      }),
    },
    { name: "profile", label: "user profile", requests: people.map((user) => ({ path: userPath({ id: user.id, displayName: user.display_name }) })) },
  ];
  if (articles.length > 0) scenarios.push({ name: "article", label: "knowledge-base article", requests: articles.map((article) => ({ path: articlePath(article) })) });
  else skipped.push({ name: "article", why: "the data has no published knowledge-base articles (seeded before seed:large wrote them: BENCH_FRESH=1 seeds it again)" });

  // Searches of one to three words taken from real titles, so common and rare words both come up.
  const words = questions.map((q) => q.title.toLowerCase().replace(/[^a-z0-9 ]/g, " ").split(/\s+/).filter((word) => word.length > 3));
  scenarios.push({
    name: "search",
    label: "search /search?q=",
    requests: words.filter((list) => list.length > 0).map((list, i) => ({ path: `/search?${new URLSearchParams({ q: list.slice(i % list.length, (i % list.length) + 1 + (i % 3)).join(" ") })}` })),
  });
  // The ask page's live suggestions as a member types a title (another question's title, reworded).
  scenarios.push({
    name: "suggestions",
    label: "ask-time suggestions (signed in)",
    requests: questions.map((q, i) => ({
      path: `/questions/ask/suggestions?${new URLSearchParams({ session: `benchasksession${String(i).padStart(4, "0")}`, title: q.title.replace(/^How do I /, "How can I ") })}`,
      headers: { cookie: session(i).cookie },
    })),
  });

  // Nine upvotes (questions and answers, never the voter's own post) to one answer, from many members.
  const targets = [...questions.map((q) => ({ postId: q.id, question: q, authorId: q.author_id })), ...answers.map((a) => ({ postId: a.id, question: { id: a.question_id, title: a.title }, authorId: a.author_id }))];
  const writes: BenchRequest[] = [];
  targets.forEach((target, i) => {
    const voter = sessions.slice(i % sessions.length).concat(sessions).find((s) => s.userId !== target.authorId);
    if (!voter) return;
    const post = { method: "POST" as const, path: questionPath(target.question), headers: { ...FORM_HEADERS, cookie: voter.cookie } };
    writes.push({ ...post, body: form({ intent: "vote", postId: target.postId, direction: "up" }) });
    if (i % 9 === 8) {
      writes.push({ ...post, body: form({ intent: "answer", body: `Benchmark answer ${i}: reconnect the bank feed, then re-import the statement from the settings page.` }) });
    }
  });
  // Votes alone as well: a vote is the write a busy forum sees most (issue 15 asks for 500 a second).
  const votes = writes.filter((request) => request.body?.includes("intent=vote"));
  if (votes.length > 0) scenarios.push({ name: "votes", label: "votes only, many members", requests: votes, writes: true });
  if (writes.length > 0) scenarios.push({ name: "writes", label: "write mix: votes, some answers", requests: writes, writes: true });
  else skipped.push({ name: "writes", why: "no member has the 15 reputation an upvote needs" });
  if (sessions.length === 0) {
    for (const name of ["question-signed-in", "suggestions"]) skipped.push({ name, why: "no member to sign in as" });
    return { scenarios: scenarios.filter((s) => s.name !== "question-signed-in" && s.name !== "suggestions"), skipped };
  }
  return { scenarios, skipped };
}

/** The scenarios named in a comma-separated list (all when the list is empty), for timing one change. */
export function onlyThe(set: ScenarioSet, names: string | undefined): ScenarioSet {
  const wanted = (names ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  if (wanted.length === 0) return set;
  const unknown = wanted.filter((name) => !set.scenarios.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names no scenario called ${unknown.join(", ")}; there are ${set.scenarios.map((s) => s.name).join(", ")}`);
  return { scenarios: set.scenarios.filter((s) => wanted.includes(s.name)), skipped: set.skipped };
}

/** Every read scenario's requests, interleaved: the warm-up touches each kind of page. */
export function warmUpRequests(set: ScenarioSet): BenchRequest[] {
  const reads = set.scenarios.filter((s) => !s.writes);
  const longest = Math.max(...reads.map((s) => s.requests.length));
  const mixed: BenchRequest[] = [];
  for (let i = 0; i < longest; i++) for (const s of reads) if (i < s.requests.length) mixed.push(s.requests[i]);
  return mixed;
}
