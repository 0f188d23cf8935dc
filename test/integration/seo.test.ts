// What search engines see: one address per page (301s), page meta, QAPage/Article JSON-LD,
// sitemaps and robots.txt, through the real routes on a real database.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "../../db/schema";
import { articlePath, questionPath, userPath } from "~/lib/paths";
import * as articleRoute from "~/routes/kb.$slug._index";
import * as postRoute from "~/routes/posts.$id._index";
import * as question from "~/routes/questions.$id.($slug)";
import * as questions from "~/routes/questions._index";
import * as home from "~/routes/_index";
import * as profile from "~/routes/users.$id.($slug)";
import * as robots from "~/routes/robots[.]txt";
import * as sitemapIndexRoute from "~/routes/sitemap[.]xml";
import * as sitemapFile from "~/routes/sitemaps.$file";
import { deletePost } from "~/services/deletion.server";
import { publicUrl } from "~/services/email.server";
import { changeArticleStatus, promoteAnswer, updateArticle } from "~/services/knowledge-base.server";
import { askQuestion } from "~/services/posting.server";
import { questionSitemap, sitemapIndex } from "~/services/seo.server";
import { acceptAnswer, castVote } from "~/services/voting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeQuestion, makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest, getRequest, questionUrl } from "../support/routes";

const t = useTestDatabase();

const loadQuestion = (path: string, id: number, slug?: string, cookie?: string) =>
  callRoute(async () => question.loader({ request: getRequest(path, cookie), params: { id: String(id), ...(slug !== undefined ? { slug } : {}) }, context: contextFor(t.db) }));

describe("one address per page", () => {
  it("a question at a wrong or missing slug answers 301 to its own address, query kept", async () => {
    const asker = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id, "Can't export CSV? Help!");
    const right = `/questions/${q.id}/cant-export-csv-help`;
    expect(await questionUrl(t.db, q.id)).toBe(right);

    const wrong = await loadQuestion(`/questions/${q.id}/old-title?utm_source=mail&a=1`, q.id, "old-title");
    expect([wrong.status, wrong.location]).toEqual([301, `${right}?utm_source=mail&a=1`]);
    const missing = await loadQuestion(`/questions/${q.id}`, q.id);
    expect([missing.status, missing.location]).toEqual([301, right]);
    // Remix's own routing parameter is not part of the address.
    const clientNavigation = await loadQuestion(`/questions/${q.id}?_routes=root&x=1`, q.id);
    expect(clientNavigation.location).toBe(`${right}?x=1`);

    const ok = await loadQuestion(right, q.id, "cant-export-csv-help");
    expect(ok.status).toBe(200);
    expect(ok.data.question.id).toBe(q.id);
  });

  it("an answer's permanent link goes straight to its place in the thread at the slugged address", async () => {
    const asker = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id, "Where is the export button?");
    const a = await makeAnswer(t.db, (await makeUser(t.db)).id, q.id);
    const result = await callRoute(async () => postRoute.loader({ request: getRequest(`/posts/${a.id}?ref=x`), params: { id: String(a.id) }, context: contextFor(t.db) }));
    expect([result.status, result.location]).toEqual([301, `/questions/${q.id}/where-is-the-export-button?ref=x#answer-${a.id}`]);
  });

  it("a profile at a wrong slug answers 301 to its own address", async () => {
    const member = await makeUser(t.db, { name: "Zoë Ångström" });
    const result = await callRoute(async () => profile.loader({ request: getRequest(`/users/${member.id}/someone-else?tab=answers`), params: { id: String(member.id), slug: "someone-else" }, context: contextFor(t.db) }));
    expect([result.status, result.location]).toEqual([301, `/users/${member.id}/zoe-angstrom?tab=answers`]);
    const ok = await callRoute(async () => profile.loader({ request: getRequest(userPath(member)), params: { id: String(member.id), slug: "zoe-angstrom" }, context: contextFor(t.db) }));
    expect(ok.status).toBe(200);
    expect(ok.data.seo.url).toBe(publicUrl(`/users/${member.id}/zoe-angstrom`));
  });

  it("a renamed article's old slug answers 301 to the new one, query kept", async () => {
    const { article, staff } = await publishedArticle("How do I reset my invoice numbering?");
    await updateArticle(t.db, { actorId: staff.id, articleId: article.id, title: "Resetting invoice numbers", body: "Open Settings → Numbering.", categoryId: null });
    const result = await callRoute(async () => articleRoute.loader({ request: getRequest(`${articlePath(article)}?from=search`), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect([result.status, result.location]).toEqual([301, "/kb/resetting-invoice-numbers?from=search"]);
  });

  it("after an action posted to a slugless or stale address, the redirect goes back to the address with the slug", async () => {
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db);
    const q = await makeQuestion(t.db, asker.id, "Why did my invoice email bounce?");
    const cookie = await sessionCookieFor(t.db, helper.id);
    const result = await callRoute(async () =>
      question.action({ request: formRequest(`/questions/${q.id}`, { intent: "answer", body: "Check the address for typos." }, cookie), params: { id: String(q.id) }, context: contextFor(t.db) }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toMatch(new RegExp(`^/questions/${q.id}/why-did-my-invoice-email-bounce#answer-\\d+$`));
    const comment = await callRoute(async () =>
      question.action({ request: formRequest(`/questions/${q.id}/stale`, { intent: "comment", postId: String(q.id), body: "Which provider do you use?" }, await sessionCookieFor(t.db, asker.id)), params: { id: String(q.id), slug: "stale" }, context: contextFor(t.db) }),
    );
    expect(comment.location).toMatch(new RegExp(`^/questions/${q.id}/why-did-my-invoice-email-bounce#comment-\\d+$`));
  });

  it("after an action on a profile, the redirect goes to the profile's address with the slug", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const member = await makeUser(t.db, { name: "Rosa Díaz" });
    const result = await callRoute(async () =>
      profile.action({ request: formRequest(`/users/${member.id}`, { intent: "setRole", role: "staff" }, await sessionCookieFor(t.db, admin.id)), params: { id: String(member.id) }, context: contextFor(t.db) }),
    );
    expect([result.status, result.location]).toEqual([302, `/users/${member.id}/rosa-diaz`]);
  });

  it("/ and /questions (no filter) name the same canonical address; a sorted list names its own", async () => {
    const fromHome = await callRoute(async () => home.loader({ request: getRequest("/"), params: {}, context: contextFor(t.db) }));
    const fromList = await callRoute(async () => questions.loader({ request: getRequest("/questions"), params: {}, context: contextFor(t.db) }));
    const newest = await callRoute(async () => questions.loader({ request: getRequest("/questions?sort=newest"), params: {}, context: contextFor(t.db) }));
    expect(fromHome.data.seo.url).toBe(publicUrl("/"));
    expect(fromList.data.seo.url).toBe(publicUrl("/"));
    expect(newest.data.seo.url).toBe(publicUrl("/"));
    const top = await callRoute(async () => questions.loader({ request: getRequest("/questions?sort=top&utm=x"), params: {}, context: contextFor(t.db) }));
    expect(top.data.seo.url).toBe(publicUrl("/questions?sort=top"));
  });
});

describe("page meta", () => {
  it("a question's description is its first words as plain text, about 155 characters, and its addresses are absolute", async () => {
    const asker = await makeUser(t.db);
    const body = `## Steps\n\nI ran \`export_all --format=csv\` and got **nothing**. ${"The file is empty every time I try it. ".repeat(8)}`;
    const q = await askQuestion(t.db, { authorId: asker.id, title: "Export gives an empty file", body, tags: ["exports"] });
    const path = await questionUrl(t.db, q.id);
    const page = await loadQuestion(path, q.id, "export-gives-an-empty-file");
    const seo = page.data.seo;
    expect(seo.title).toBe("Export gives an empty file");
    expect(seo.url).toBe(publicUrl(path));
    expect(seo.url).toMatch(/^https?:\/\//);
    expect(seo.type).toBe("article");
    expect(seo.description.startsWith("Steps I ran export_all --format=csv and got nothing. The file is empty")).toBe(true);
    expect(seo.description.length).toBeLessThanOrEqual(155);
    expect(seo.description.endsWith("…")).toBe(true);
    expect(seo.description).not.toMatch(/[#*`]/);
  });
});

/** Properties Google's QAPage and Article guidance require or recommend, per schema.org type used. */
const REQUIRED: Record<string, string[]> = {
  QAPage: ["@context", "mainEntity"],
  Question: ["name", "text", "answerCount", "dateCreated", "author"],
  Answer: ["text", "upvoteCount", "url", "dateCreated", "author"],
  Person: ["name", "url"],
  Article: ["@context", "headline", "datePublished", "dateModified", "author", "publisher"],
  Organization: ["name", "url"],
};

/** Every typed node in the tree has its type's properties, non-empty; returns the types seen. */
function checkTypes(node: unknown, seen: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) checkTypes(item, seen);
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    const type = record["@type"];
    if (typeof type === "string") {
      expect(REQUIRED[type], `a type the test knows: ${type}`).toBeDefined();
      for (const property of REQUIRED[type]!) {
        expect(record[property], `${type}.${property}`).toBeDefined();
        expect(record[property], `${type}.${property}`).not.toBe("");
      }
      if ("url" in record) expect(String(record.url)).toMatch(/^https?:\/\//);
      for (const date of ["dateCreated", "datePublished", "dateModified"]) {
        if (date in record) expect(new Date(String(record[date])).toISOString()).toBe(record[date]);
      }
      seen.push(type);
    }
    for (const value of Object.values(record)) checkTypes(value, seen);
  }
  return seen;
}

/** The JSON-LD a page's meta puts in the head (Remix's <Meta> writes it, escaped), as a crawler would parse it. */
function jsonLdOf(meta: unknown): any {
  const entries = (meta as Record<string, unknown>[]).filter((entry) => "script:ld+json" in entry);
  if (entries.length === 0) return null;
  expect(entries).toHaveLength(1);
  return JSON.parse(JSON.stringify(entries[0]!["script:ld+json"]));
}
const metaOf = (route: { meta?: unknown }, data: unknown) => (route.meta as (args: unknown) => unknown)({ data, params: {}, matches: [], location: {} });

describe("structured data", () => {
  it("a question page carries a valid QAPage in its meta: accepted and suggested answers, deleted ones left out, user text as written", async () => {
    const asker = await makeUser(t.db, { name: "Asker </script> Person" });
    const helper = await makeUser(t.db);
    const other = await makeUser(t.db);
    const voter = await makeUser(t.db, { reputation: 500 });
    const hostile = "Why does </script><script>alert(1)</script> show up in my invoice footer?\n\n```html\n<!-- </script> -->\n```";
    const q = await askQuestion(t.db, { authorId: asker.id, title: "Footer shows </script> text", body: hostile, tags: ["invoices"] });
    const accepted = await makeAnswer(t.db, helper.id, q.id, "Remove the `</script>` tag from *Settings → Footer*.");
    const suggested = await makeAnswer(t.db, other.id, q.id, "Try another template.");
    const removed = await makeAnswer(t.db, other.id, q.id, "Spam answer that gets deleted.");
    await acceptAnswer(t.db, { actorId: asker.id, answerId: accepted.id });
    await castVote(t.db, { voterId: voter.id, postId: accepted.id, direction: "up" });
    await castVote(t.db, { voterId: voter.id, postId: q.id, direction: "up" });
    await deletePost(t.db, { actorId: other.id, postId: removed.id });

    const path = await questionUrl(t.db, q.id);
    const page = await loadQuestion(path, q.id, "footer-shows-script-text");
    expect(page.status).toBe(200);
    // The text keeps "</script>" as written; escaping it in the page is checked in the browser (test/e2e/seo.spec.ts).
    const data = jsonLdOf(metaOf(question, page.data));

    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("QAPage");
    expect(checkTypes(data).sort()).toEqual(["Answer", "Answer", "Person", "Person", "Person", "QAPage", "Question"]);
    const main = data.mainEntity;
    expect(main).toMatchObject({ "@type": "Question", name: "Footer shows </script> text", answerCount: 2, upvoteCount: 1 });
    expect(main.text).toBe("Why does </script><script>alert(1)</script> show up in my invoice footer? <!-- </script> -->");
    expect(main.author).toEqual({ "@type": "Person", name: "Asker </script> Person", url: publicUrl(userPath(asker)) });
    expect(main.acceptedAnswer).toMatchObject({
      "@type": "Answer",
      text: "Remove the </script> tag from Settings → Footer.",
      upvoteCount: 1,
      url: publicUrl(`${path}#answer-${accepted.id}`),
      author: { "@type": "Person", name: helper.displayName },
    });
    expect(main.suggestedAnswer).toHaveLength(1);
    expect(main.suggestedAnswer[0]).toMatchObject({ "@type": "Answer", text: "Try another template.", upvoteCount: 0, url: publicUrl(`${path}#answer-${suggested.id}`) });
    expect(JSON.stringify(data)).not.toContain("Spam answer");
  });

  it("a deleted question (seen by staff) has no structured data and asks not to be indexed", async () => {
    const asker = await makeUser(t.db);
    const staff = await makeUser(t.db, { role: "staff" });
    const q = await makeQuestion(t.db, asker.id, "Deleted question about refunds");
    await deletePost(t.db, { actorId: staff.id, postId: q.id });
    const page = await loadQuestion(await questionUrl(t.db, q.id), q.id, "deleted-question-about-refunds", await sessionCookieFor(t.db, staff.id));
    expect(page.status).toBe(200);
    expect(page.data.structuredData).toBeNull();
    expect(page.data.seo.noindex).toBe(true);
    expect(jsonLdOf(metaOf(question, page.data))).toBeNull();
  });

  it("a published article carries a valid Article; a draft carries none", async () => {
    const { article, answerer, staff } = await publishedArticle("How do I void a paid invoice?");
    const page = await callRoute(async () => articleRoute.loader({ request: getRequest(articlePath(article)), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(page.status).toBe(200);
    const data = jsonLdOf(metaOf(articleRoute, page.data));
    expect(checkTypes(data).sort()).toEqual(["Article", "Organization", "Person"]);
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "Article", headline: "How do I void a paid invoice?", url: publicUrl(articlePath(article)) });
    expect(data.author).toEqual({ "@type": "Person", name: answerer.displayName, url: publicUrl(userPath(answerer)) });
    expect(data.publisher).toMatchObject({ "@type": "Organization", name: "Peerdesk" });
    expect(data.description).not.toMatch(/^The question/);
    expect(page.data.seo.description).toBe(data.description);

    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "unpublish" });
    const draft = await callRoute(async () => articleRoute.loader({ request: getRequest(articlePath(article), await sessionCookieFor(t.db, staff.id)), params: { slug: article.slug }, context: contextFor(t.db) }));
    expect(draft.status).toBe(200);
    expect(draft.data.structuredData).toBeNull();
    expect(jsonLdOf(metaOf(articleRoute, draft.data))).toBeNull();
    expect(draft.data.seo.noindex).toBe(true);
  });
});

async function publishedArticle(title: string) {
  const staff = await makeUser(t.db, { role: "staff" });
  const asker = await makeUser(t.db);
  const answerer = await makeUser(t.db);
  const q = await makeQuestion(t.db, asker.id, title);
  const answer = await makeAnswer(t.db, answerer.id, q.id, "Open the invoice, choose **Void**, and confirm.");
  await acceptAnswer(t.db, { actorId: asker.id, answerId: answer.id });
  const article = await promoteAnswer(t.db, { actorId: staff.id, answerId: answer.id });
  await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "publish" });
  return { article, answerer, staff };
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));

describe("sitemaps", () => {
  it("pages questions by id range: every live question in exactly one file, none past the page size, a deleted one nowhere", async () => {
    const asker = await makeUser(t.db);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeQuestion(t.db, asker.id, `Sitemap paging question ${i}`));
    const gone = made[2]!;
    await deletePost(t.db, { actorId: asker.id, postId: gone.id });

    const pageSize = 2;
    const index = await sitemapIndex(t.db, { pageSize });
    const questionFiles = index.filter((entry) => entry.loc.includes("/sitemaps/questions-"));
    const live = await t.db.select({ id: posts.id, title: posts.title }).from(posts).where(and(eq(posts.type, "question"), isNull(posts.deletedAt)));
    // The index lists exactly the ranges that hold a live question.
    const expectedPages = [...new Set(live.map((row) => Math.ceil(row.id / pageSize)))].sort((a, b) => a - b);
    expect(questionFiles.map((entry) => entry.loc)).toEqual(expectedPages.map((page) => publicUrl(`/sitemaps/questions-${page}.xml`)));
    for (const q of made.filter((q) => q !== gone)) expect(questionFiles.map((entry) => entry.loc)).toContain(publicUrl(`/sitemaps/questions-${Math.ceil(q.id / pageSize)}.xml`));

    const listed: string[] = [];
    for (const page of expectedPages) {
      const entries = (await questionSitemap(t.db, page, { pageSize }))!;
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(pageSize);
      for (const entry of entries) expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      listed.push(...entries.map((entry) => entry.loc));
    }
    expect(listed.sort()).toEqual(live.map((row) => publicUrl(questionPath(row))).sort());
    expect(listed).not.toContain(publicUrl(await questionUrl(t.db, gone.id)));
    expect(await questionUrl(t.db, gone.id)).toBe(`/questions/${gone.id}/sitemap-paging-question-2`);
    expect(await questionSitemap(t.db, expectedPages.at(-1)! + 1, { pageSize })).toBeNull();
  });

  it("/sitemap.xml is an XML sitemap index with a cache header; its files answer, unknown ones are 404", async () => {
    const { article } = await publishedArticle("Sitemap article about taxes");
    const result = await callRoute(async () => sitemapIndexRoute.loader({ request: getRequest("/sitemap.xml"), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    expect(result.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    expect(result.data).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const files = locs(result.data);
    expect(files).toContain(publicUrl("/sitemaps/questions-1.xml"));
    expect(files).toContain(publicUrl("/sitemaps/articles.xml"));
    expect(files).toContain(publicUrl("/sitemaps/tags.xml"));

    const file = (name: string) => callRoute(async () => sitemapFile.loader({ request: getRequest(`/sitemaps/${name}`), params: { file: name }, context: contextFor(t.db) }));
    const first = await file("questions-1.xml");
    expect(first.status).toBe(200);
    expect(first.data).toContain("<urlset");
    const articles = await file("articles.xml");
    expect(locs(articles.data)).toContain(publicUrl(articlePath(article)));
    const tags = await file("tags.xml");
    expect(locs(tags.data)).toContain(publicUrl("/tags/invoices"));
    for (const name of ["questions-0.xml", "questions-abc.xml", "questions-99999.xml", "users.xml", "questions-1.xml.gz"]) expect((await file(name)).status).toBe(404);
  });

  it("an unpublished article is left out of the articles file", async () => {
    const { article, staff } = await publishedArticle("Sitemap article that gets archived");
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: article.id, change: "unpublish" });
    const result = await callRoute(async () => sitemapFile.loader({ request: getRequest("/sitemaps/articles.xml"), params: { file: "articles.xml" }, context: contextFor(t.db) }));
    expect(locs(result.data)).not.toContain(publicUrl(articlePath(article)));
  });
});

describe("robots.txt", () => {
  it("allows the public site, keeps private and endless pages out, and names the sitemap by its absolute address", async () => {
    const result = await callRoute(async () => robots.loader());
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const lines = String(result.data).split("\n");
    expect(lines[0]).toBe("User-agent: *");
    for (const path of ["/settings", "/review", "/admin", "/search?", "/login", "/signup", "/notifications"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).not.toContain("Disallow: /");
    expect(lines).toContain(`Sitemap: ${publicUrl("/sitemap.xml")}`);
    expect(publicUrl("/sitemap.xml")).toMatch(/^https?:\/\/[^/]+\/sitemap\.xml$/);
  });
});
