import { beforeAll, describe, expect, it } from "vitest";
import { parseSearchQuery } from "~/domain/search-query";
import { deletePost } from "~/services/deletion.server";
import { changeArticleStatus, promoteAnswer } from "~/services/knowledge-base.server";
import { askQuestion, postAnswer } from "~/services/posting.server";
import { searchEverything } from "~/services/search/search.server";
import { suggestSimilar } from "~/services/search/similar.server";
import { refreshSearchStatistics } from "~/services/search/statistics.server";
import { acceptAnswer } from "~/services/voting.server";
import * as searchRoute from "~/routes/search";
import { seedDemoData } from "~/seed/seed-demo";
import { useTestDatabase } from "../support/databases";
import { makeUser } from "../support/fixtures";
import { callRoute, contextFor, getRequest } from "../support/routes";
import { addressKey } from "~/http/visitor.server";
import { getDeflectionReport } from "~/services/deflection.server";
import { RATE_LIMITS, countHit } from "~/services/rate-limits.server";

const t = useTestDatabase();

type User = Awaited<ReturnType<typeof makeUser>>;
let asker: User;
let answerer: User;
let staff: User;

const search = (q: string, options: Parameters<typeof searchEverything>[2] = {}) => searchEverything(t.db, parseSearchQuery(q), options);
const kindsAndIds = (page: Awaited<ReturnType<typeof search>>) => page.results.map((result) => `${result.kind}:${result.id}`).sort();

async function ask(title: string, body: string, tags = ["general"], author = asker) {
  return askQuestion(t.db, { authorId: author.id, title, body, tags });
}
async function answer(questionId: number, body: string, author = answerer) {
  return postAnswer(t.db, { authorId: author.id, questionId, body });
}

/** A question, an accepted answer, and that answer promoted to an article in the given state. */
async function article(word: string, state: "draft" | "published" | "archived") {
  const question = await ask(`Question behind the ${state} ${word} article`, `Asking about ${word} for the knowledge base.`);
  const reply = await answer(question.id, `The ${word} answer that staff promote.`);
  await acceptAnswer(t.db, { actorId: asker.id, answerId: reply.id });
  const created = await promoteAnswer(t.db, { actorId: staff.id, answerId: reply.id });
  if (state !== "draft") await changeArticleStatus(t.db, { actorId: staff.id, articleId: created.id, change: state === "published" ? "publish" : "archive" });
  return { question, reply, article: created };
}

beforeAll(async () => {
  asker = await makeUser(t.db, { name: "Search Asker" });
  answerer = await makeUser(t.db, { name: "Search Answerer" });
  staff = await makeUser(t.db, { role: "staff", name: "Search Staff" });
});

describe("ranking", () => {
  it("puts an exact title match first, above posts that repeat the words", async () => {
    await ask("Export invoices to CSV for the accountant, and other exports", "export invoices csv ".repeat(30));
    await ask("Invoices will not export", "I tried to export invoices as CSV and as PDF; export invoices to CSV fails with CSV errors.");
    const exact = await ask("How do I export invoices to CSV?", "My accountant wants a file.");
    const page = await search("how do I export invoices to CSV");
    expect(page.results[0]).toMatchObject({ kind: "question", id: exact.id });
  });

  it("shows what a result needs: kind, link, score, answers, solved mark, tags, snippet", async () => {
    const question = await ask("Lanternfish reconciliation drift", "Every month the lanternfish total drifts by a penny.", ["reconciliation", "bank-feeds"]);
    const reply = await answer(question.id, "Round the lanternfish lines before matching.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: reply.id });
    const page = await search("lanternfish");
    const found = page.results.find((result) => result.kind === "question")!;
    expect(found).toMatchObject({
      id: question.id,
      title: "Lanternfish reconciliation drift",
      url: `/questions/${question.id}/lanternfish-reconciliation-drift`,
      score: 0,
      answerCount: 1,
      solved: true,
      tags: ["reconciliation", "bank-feeds"],
    });
    expect(found.snippetHtml).toContain("<mark>lanternfish</mark>");
    expect(found.titleHtml).toBe("<mark>Lanternfish</mark> reconciliation drift");
    const foundAnswer = page.results.find((result) => result.kind === "answer")!;
    expect(foundAnswer).toMatchObject({ id: reply.id, solved: true, url: `/questions/${question.id}/lanternfish-reconciliation-drift#answer-${reply.id}` });
  });

  it("falls back to any word when every word together finds nothing", async () => {
    const question = await ask("Quasarbeam statements arrive late", "The quasarbeam statement is a day late.");
    const page = await search("quasarbeam nonexistentwordzz");
    expect(page.matched).toBe("any");
    expect(kindsAndIds(page)).toContain(`question:${question.id}`);
  });

  it("forgives a typo by looking for similar titles when no post has the word", async () => {
    const question = await ask("Narwhalite payouts are missing", "Where did the narwhalite payouts go?");
    const page = await search("narwhalte");
    expect(page.matched).toBe("titles");
    expect(page.results[0]).toMatchObject({ kind: "question", id: question.id });
    expect((await search("zzqqxxvv")).results).toEqual([]);
  });

  it("pages with numbers", async () => {
    for (let i = 0; i < 23; i++) await ask(`Marmalade import number ${i}`, "Importing marmalade rows from the bank.");
    const first = await search("marmalade", { pageSize: 20 });
    const second = await search("marmalade", { page: 2, pageSize: 20 });
    expect(first.results).toHaveLength(20);
    expect(first.hasNextPage).toBe(true);
    expect(second.results).toHaveLength(3);
    expect(second.hasNextPage).toBe(false);
    const ids = new Set([...first.results, ...second.results].map((result) => result.id));
    expect(ids.size).toBe(23);
    expect((await search("marmalade", { page: 9999 })).results).toEqual([]);
  });
});

describe("what customers never see", () => {
  it("leaves out deleted posts, answers of deleted questions, drafts and archived articles", async () => {
    const live = await ask("Quokkaline live question", "A live quokkaline question.");
    const liveAnswer = await answer(live.id, "A live quokkaline answer.");
    const deleted = await ask("Quokkaline deleted question", "A deleted quokkaline question.");
    const orphan = await answer(deleted.id, "A quokkaline answer in a deleted thread.");
    const deletedAnswer = await answer(live.id, "A deleted quokkaline answer.");
    await deletePost(t.db, { actorId: deletedAnswer.id && answerer.id, postId: deletedAnswer.id });
    await deletePost(t.db, { actorId: staff.id, postId: deleted.id });
    const published = await article("quokkaline", "published");
    const draft = await article("quokkaline", "draft");
    const archived = await article("quokkaline", "archived");

    const found = kindsAndIds(await search("quokkaline"));
    expect(found).toContain(`question:${live.id}`);
    expect(found).toContain(`answer:${liveAnswer.id}`);
    expect(found).toContain(`article:${published.article.id}`);
    for (const gone of [`question:${deleted.id}`, `answer:${orphan.id}`, `answer:${deletedAnswer.id}`, `article:${draft.article.id}`, `article:${archived.article.id}`]) {
      expect(found).not.toContain(gone);
    }

    const suggested = (await suggestSimilar(t.db, { title: "quokkaline", body: "quokkaline" }, { limit: 50 })).map((result) => `${result.kind}:${result.id}`);
    expect(suggested).toContain(`question:${live.id}`);
    expect(suggested).toContain(`article:${published.article.id}`);
    for (const gone of [`question:${deleted.id}`, `article:${draft.article.id}`, `article:${archived.article.id}`]) expect(suggested).not.toContain(gone);
  });
});

describe("operators", () => {
  let solved: { id: number };
  let open: { id: number };
  let unanswered: { id: number };
  let openAnswer: { id: number };
  let acceptedAnswer: { id: number };
  let published: Awaited<ReturnType<typeof article>>;

  beforeAll(async () => {
    solved = await ask("Pelicanite payouts are net", "pelicanite payouts arrive net of fees", ["stripe", "reconciliation"]);
    acceptedAnswer = await answer(solved.id, "Record pelicanite fees in a clearing account.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: acceptedAnswer.id });
    open = await ask("Pelicanite refunds twice", "a pelicanite refund was issued twice", ["refunds"], answerer);
    openAnswer = await answer(open.id, "Void one pelicanite refund.", asker);
    unanswered = await ask("Pelicanite credit note wording", "where is the pelicanite credit note text", ["refunds"]);
    published = await article("pelicanite", "published");
  });

  it.each([
    ["pelicanite is:question", () => [`question:${solved.id}`, `question:${open.id}`, `question:${unanswered.id}`, `question:${published.question.id}`]],
    ["pelicanite is:answer", () => [`answer:${acceptedAnswer.id}`, `answer:${openAnswer.id}`, `answer:${published.reply.id}`]],
    ["pelicanite is:article", () => [`article:${published.article.id}`]],
    ["pelicanite is:question is:article", () => [`question:${solved.id}`, `question:${open.id}`, `question:${unanswered.id}`, `question:${published.question.id}`, `article:${published.article.id}`]],
    ["pelicanite is:solved", () => [`question:${solved.id}`, `answer:${acceptedAnswer.id}`, `question:${published.question.id}`, `answer:${published.reply.id}`]],
    ["pelicanite is:unanswered", () => [`question:${unanswered.id}`]],
    ["pelicanite [refunds]", () => [`question:${open.id}`, `question:${unanswered.id}`, `answer:${openAnswer.id}`]],
    ["pelicanite [refunds] is:question", () => [`question:${open.id}`, `question:${unanswered.id}`]],
    ['"credit note" pelicanite', () => [`question:${unanswered.id}`]],
    // Tags are words of the question too: -refund leaves out the questions tagged "refunds".
    ["pelicanite -refund -article", () => [`question:${solved.id}`, `answer:${acceptedAnswer.id}`, `answer:${published.reply.id}`]],
    ['pelicanite -"credit note" is:question', () => [`question:${solved.id}`, `question:${open.id}`, `question:${published.question.id}`]],
  ])("%s", async (q, expected) => {
    expect(kindsAndIds(await search(q))).toEqual(expected().sort());
  });

  it("user:ID keeps one member's posts", async () => {
    const found = kindsAndIds(await search(`pelicanite user:${answerer.id}`));
    expect(found).toEqual([`question:${open.id}`, `answer:${acceptedAnswer.id}`, `answer:${published.reply.id}`, `article:${published.article.id}`].sort());
  });

  it("filters alone list matches newest first", async () => {
    const page = await search(`[refunds] is:unanswered user:${asker.id}`);
    expect(page.matched).toBe("filters");
    expect(kindsAndIds(page)).toContain(`question:${unanswered.id}`);
    expect(kindsAndIds(page)).not.toContain(`question:${open.id}`);
  });

  it("a query with nothing to search for is not run", async () => {
    expect(await search("?")).toMatchObject({ matched: "none", results: [] });
  });
});

describe("highlights are inert", () => {
  const html = /<(?!\/?mark>)/;

  it("escapes HTML in posts before marking matches", async () => {
    await ask(`Zanzibarite "><img src=x onerror=alert(1)> in the title`, "Body with <script>alert('zanzibarite')</script> and <b>bold</b> and javascript:alert(1) zanzibarite.");
    const page = await search("zanzibarite");
    expect(page.results.length).toBeGreaterThan(0);
    for (const result of page.results) {
      expect(result.snippetHtml).not.toMatch(html);
      expect(result.titleHtml).not.toMatch(html);
    }
    const [found] = page.results;
    expect(found.titleHtml).toBe("<mark>Zanzibarite</mark> &quot;&gt;&lt;img src=x onerror=alert(1)&gt; in the title");
    expect(found.snippetHtml).toContain("&lt;script&gt;alert(&#39;<mark>zanzibarite</mark>&#39;)&lt;/script&gt;");
    expect(found.snippetHtml).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(found.snippetHtml).toContain("javascript:alert(1)");
  });

  it("escapes HTML in the query", async () => {
    await ask("Script tags in an invoice footer", "The footer shows <script> literally, and script runs nowhere.");
    for (const q of ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1) script"]) {
      const page = await search(q);
      for (const result of page.results) {
        expect(result.snippetHtml).not.toMatch(html);
        expect(result.titleHtml).not.toMatch(html);
      }
    }
    const page = await search("<script>");
    expect(page.results.some((result) => result.snippetHtml.includes("&lt;<mark>script</mark>&gt;"))).toBe(true);
  });

  it("cannot be confused by the mark characters themselves", async () => {
    await ask("Controlcharite \u0001 marks", "Text with \u0001 and \u0002 around controlcharite \u0002.");
    const [found] = (await search("controlcharite")).results;
    expect(found.snippetHtml).not.toMatch(/[\u0001\u0002]/);
    expect(found.snippetHtml.match(/<mark>/g)?.length).toBe(found.snippetHtml.match(/<\/mark>/g)?.length);
  });
});

describe("odd input never throws", () => {
  it.each([
    ["empty", ""],
    ["10 KB", "invoice ".repeat(1300)],
    ["NUL bytes", "inv\u0000oice\u0000"],
    ["unbalanced quotes", '"invoice "export'],
    ["a lone dash", "-"],
    ["emoji", "🧾 invoice 💸"],
    ["tsquery syntax", "invoice & | ! ( ) :* <-> 'a'"],
    ["backslashes", "\\ \\\\ invoice\\"],
  ])("%s", async (_, q) => {
    await expect(search(q)).resolves.toBeDefined();
    await expect(suggestSimilar(t.db, { title: q, body: q })).resolves.toBeDefined();
  });
});

describe("ask-time suggestions", () => {
  it("offers answered questions and published articles, not unanswered questions", async () => {
    const answered = await ask("Gryphonite VAT return box 6 looks doubled", "Box 6 on the gryphonite VAT return is twice the sales.");
    await answer(answered.id, "Zero-rated gryphonite sales are counted once; check the rate.");
    const lonely = await ask("Gryphonite VAT return box 6 is doubled", "Box 6 on my gryphonite VAT return is doubled.");
    const { article: kb } = await article("gryphonite", "published");
    const suggestions = await suggestSimilar(t.db, { title: "Gryphonite VAT return box 6 doubled", body: "Why is box 6 doubled on the gryphonite return?" });
    const found = suggestions.map((result) => `${result.kind}:${result.id}`);
    expect(found[0]).toBe(`question:${answered.id}`);
    expect(found).toContain(`article:${kb.id}`);
    expect(found).not.toContain(`question:${lonely.id}`);
    expect(suggestions[0].titleHtml).toContain("<mark>");
  });

  it("ranks exactly the given candidates, or leaves some out", async () => {
    const a = await ask("Hippogriff payroll journal posts pension wrongly", "The hippogriff pension goes to the wrong account.");
    const b = await ask("Unrelated mileage question about cars", "How is mileage claimed?");
    for (const q of [a, b]) await answer(q.id, "An answer.");
    const ranked = await suggestSimilar(t.db, { title: "hippogriff pension journal", body: "" }, { candidateIds: [b.id, a.id] });
    expect(ranked.map((result) => result.id)).toEqual([a.id, b.id]);
    const without = await suggestSimilar(t.db, { title: "hippogriff pension journal", body: "" }, { excludeIds: [a.id] });
    expect(without.map((result) => result.id)).not.toContain(a.id);
  });

  it("weighs words by rarity once the statistics snapshot exists", async () => {
    const common = "griffin";
    for (let i = 0; i < 6; i++) await answer((await ask(`Griffin invoice layout ${i}`, `griffin ${common} invoice ${i}`)).id, "An answer.");
    const rare = await ask("Griffin invoice wyvernstamp", "The wyvernstamp field on a griffin invoice.");
    await answer(rare.id, "An answer.");
    const { documents } = await refreshSearchStatistics(t.db);
    expect(documents).toBeGreaterThan(10);
    const [top] = await suggestSimilar(t.db, { title: "griffin wyvernstamp", body: "" });
    expect(top.id).toBe(rare.id);
  });
});

describe("the /search page answers 200 or 400, never 500", () => {
  const load = (query: string) => callRoute(() => searchRoute.loader({ request: getRequest(`/search?${query}`), context: contextFor(t.db), params: {} }));

  it.each([
    ["no q", ""],
    ["empty", "q="],
    ["one character", "q=a"],
    ["punctuation", `q=${encodeURIComponent("?!.,;")}`],
    ["10 KB", `q=${encodeURIComponent("invoice ".repeat(1300))}`],
    ["NUL bytes", "q=inv%00oice"],
    ["unbalanced quotes", `q=${encodeURIComponent('"invoice "export')}`],
    ["a lone dash", "q=-"],
    ["emoji", `q=${encodeURIComponent("🧾💸")}`],
    ["HTML", `q=${encodeURIComponent('<script>alert(1)</script> "><img onerror=x>')}`],
    ["unknown operators", `q=${encodeURIComponent("is:nonsense user:abc [bad/tag]")}`],
    ["q twice", "q=invoice&q=export"],
    ["invalid UTF-8 escapes", "q=%C0%AF%FF"],
  ])("%s: 200", async (_, query) => {
    const result = await load(query);
    expect(result.status).toBe(200);
  });

  it("says a long query was cut, and explains operators it did not understand", async () => {
    expect((await load(`q=${encodeURIComponent("invoice ".repeat(1300))}`)).data).toMatchObject({ truncated: true });
    expect((await load(`q=${encodeURIComponent("refund is:nonsense")}`)).data).toMatchObject({ ignored: ["is:nonsense"] });
  });

  it("offers tips and popular tags when there is nothing to search for", async () => {
    const result = await load("q=%3F");
    expect(result.data).toMatchObject({ matched: "none", results: [] });
    expect(result.data.popularTags.length).toBeGreaterThan(0);
  });

  it.each([["page=0"], ["page=-1"], ["page=abc"], ["page=1.5"], ["page=99999999999"], ["page=51"]])("q=invoice&%s: 400 with a message", async (pageParam) => {
    const result = await load(`q=invoice&${pageParam}`);
    expect(result.status).toBe(400);
    expect(result.data.message).toMatch(/page/i);
  });
});

describe("searches that found nothing", () => {
  const loadFrom = (clientIp: string, q: string) =>
    callRoute(() => searchRoute.loader({ request: getRequest(`/search?q=${encodeURIComponent(q)}`), context: contextFor(t.db, clientIp), params: {} }));
  const misses = async () => (await getDeflectionReport(t.db, 30)).misses;

  it("are counted for staff under their normalised text, and nothing else is", async () => {
    await loadFrom("198.51.100.1", "  Quetzalcoatl   ZORBLAXIAN ");
    await loadFrom("198.51.100.2", "quetzalcoatl zorblaxian");
    await loadFrom("198.51.100.2", "invoice"); // found something
    await loadFrom("198.51.100.2", "?"); // nothing to search for
    const counted = (await misses()).filter((miss) => miss.query.includes("quetzalcoatl") || miss.query === "invoice" || miss.query === "?");
    expect(counted).toEqual([expect.objectContaining({ query: "quetzalcoatl zorblaxian", count: 2 })]);
  });

  it("from one address stop being counted past its hourly allowance, while the search still answers", async () => {
    const ip = "198.51.100.3";
    for (let i = 0; i < RATE_LIMITS.searchMissesPerIp.limit; i++) await countHit(t.db, `search-miss:address:${addressKey(contextFor(t.db, ip))}`, RATE_LIMITS.searchMissesPerIp);
    const result = await loadFrom(ip, "zyxwvut basilisk");
    expect(result.status).toBe(200);
    expect((await misses()).some((miss) => miss.query === "zyxwvut basilisk")).toBe(false);
  });

  it("one address searching past its allowance gets 429 with a wait, others are unaffected", async () => {
    const ip = "198.51.100.4";
    for (let i = 0; i < RATE_LIMITS.searchesPerIp.limit; i++) await countHit(t.db, `search:address:${addressKey(contextFor(t.db, ip))}`, RATE_LIMITS.searchesPerIp);
    const refused = await loadFrom(ip, "invoice");
    expect(refused.status).toBe(429);
    expect(refused.data.message).toMatch(/searching very fast/);
    expect((await loadFrom("198.51.100.5", "invoice")).status).toBe(200);
  });
});

describe("the demo community", () => {
  it("answers “export invoices CSV” with a solved question and an article, and suggests them when asking", async () => {
    await seedDemoData(t.db);
    const title = "How do I export all my invoices to a CSV file for my accountant?";
    const page = await search("export invoices CSV");
    expect(page.results.find((result) => result.kind === "question" && result.solved)?.title).toBe(title);
    expect(page.results.find((result) => result.kind === "article")?.title).toBe(title);
    const suggestions = await suggestSimilar(t.db, { title: "Export invoices to CSV", body: "My accountant needs all invoices in a spreadsheet." });
    expect(suggestions.slice(0, 3).map((result) => result.kind)).toEqual(expect.arrayContaining(["article", "question"]));
  });
});
