// Atom feeds through their routes: what anyone may read, newest first, escaped as XML, linked
// from their pages' heads; nothing held, deleted or private ever in them.
import { describe, expect, it } from "vitest";
import * as answersRoute from "~/routes/feeds.questions.$id";
import * as questionsRoute from "~/routes/feeds.questions._index";
import * as tagRoute from "~/routes/feeds.tags.$tag";
import * as kbRoute from "~/routes/feeds.kb";
import { meta as questionPageMeta } from "~/routes/questions.$id.($slug)";
import { deletePost } from "~/services/deletion.server";
import { changeArticleStatus, promoteAnswer } from "~/services/knowledge-base.server";
import { requestStaffHelp } from "~/services/escalation.server";
import { askQuestion, postAnswer } from "~/services/posting.server";
import { useTestDatabase } from "../support/databases";
import { makeAnswer, makeUser } from "../support/fixtures";
import { contextFor, getRequest } from "../support/routes";

const t = useTestDatabase();

async function read(loader: (args: any) => Promise<Response>, path: string, params: Record<string, string> = {}) {
  const response = await loader({ request: getRequest(path), params, context: contextFor(t.db) });
  return { status: response.status, type: response.headers.get("Content-Type"), body: await response.text() };
}

const entryTitles = (xml: string) => [...xml.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);

describe(`feeds on ${t.plan.label}`, () => {
  it("the newest questions and a tag's, newest first, with titles and bodies escaped as XML", async () => {
    const asker = await makeUser(t.db, { name: "Feed Fenna" });
    const first = await askQuestion(t.db, { authorId: asker.id, title: "Why does <script>alert(1)</script> show in my invoice notes?", body: "The notes show `<b>` & friends.", tags: ["feedtest"] });
    await askQuestion(t.db, { authorId: asker.id, title: "Can feeds list the newest question first?", body: "Checking the order of the feed.", tags: ["feedtest"] });

    const feed = await read(tagRoute.loader, "/feeds/tags/feedtest", { tag: "feedtest" });
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("application/atom+xml; charset=utf-8");
    expect(feed.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(entryTitles(feed.body)).toEqual(["Can feeds list the newest question first?", "Why does &lt;script&gt;alert(1)&lt;/script&gt; show in my invoice notes?"]);
    expect(feed.body).not.toContain("<script>");
    expect(feed.body).toContain("<author><name>Feed Fenna</name></author>");
    expect(feed.body).toContain(`<link rel="alternate" type="text/html" href="http://localhost:3000/questions/${first.id}/`);
    expect(feed.body).toContain('<link rel="self" type="application/atom+xml" href="http://localhost:3000/feeds/tags/feedtest"/>');
    // The rendered body goes in as escaped HTML: "&lt;code&gt;&amp;lt;b&amp;gt;" and so on.
    expect(feed.body).toContain("&lt;code&gt;&amp;lt;b&amp;gt;&lt;/code&gt; &amp;amp; friends");

    const newest = await read(questionsRoute.loader, "/feeds/questions");
    expect(entryTitles(newest.body)[0]).toBe("Can feeds list the newest question first?");
    expect((await read(tagRoute.loader, "/feeds/tags/no-such-tag", { tag: "no-such-tag" })).status).toBe(404);
  });

  it("a question's answers: live ones only, never a held or deleted answer or the asker's private note", async () => {
    const asker = await makeUser(t.db);
    const helper = await makeUser(t.db, { name: "Helper Hanne" });
    const question = await askQuestion(t.db, { authorId: asker.id, title: "How do I change the invoice due date default?", body: "Every invoice defaults to 7 days.", tags: ["feedtest"] });
    await makeAnswer(t.db, helper.id, question.id, "Settings, then Invoices, then Default due date.");
    const gone = await makeAnswer(t.db, helper.id, question.id, "Actually ignore that, wrong screen.");
    await deletePost(t.db, { actorId: helper.id, postId: gone.id });
    const newbie = await makeUser(t.db, { createdAt: new Date(Date.now() - 3600_000) });
    const held = await postAnswer(t.db, { authorId: newbie.id, questionId: question.id, body: "See https://a.example, https://b.example and https://c.example" });
    expect(held.held).toBe(true);
    await requestStaffHelp(t.db, { askerId: asker.id, questionId: question.id, privateNote: "Account ACC-99812" });

    const feed = await read(answersRoute.loader, `/feeds/questions/${question.id}`, { id: String(question.id) });
    expect(feed.status).toBe(200);
    expect(entryTitles(feed.body)).toEqual(["Answer by Helper Hanne to How do I change the invoice due date default?"]);
    expect(feed.body).not.toContain("wrong screen");
    expect(feed.body).not.toContain("a.example");
    expect(feed.body).not.toContain("ACC-99812");
    expect((await read(answersRoute.loader, "/feeds/questions/999999", { id: "999999" })).status).toBe(404);
    expect((await read(answersRoute.loader, "/feeds/questions/x", { id: "x" })).status).toBe(404);
  });

  it("the knowledge base's feed lists published articles only; the question page's head points readers at its feed", async () => {
    const staff = await makeUser(t.db, { role: "staff" });
    const asker = await makeUser(t.db);
    const question = await askQuestion(t.db, { authorId: asker.id, title: "How do I add a second currency?", body: "We invoice in EUR and GBP.", tags: ["feedtest"] });
    const published = await promoteAnswer(t.db, { actorId: staff.id, answerId: (await makeAnswer(t.db, staff.id, question.id, "Settings, then Currencies, then Add.")).id });
    await changeArticleStatus(t.db, { actorId: staff.id, articleId: published.id, change: "publish" });
    const other = await askQuestion(t.db, { authorId: asker.id, title: "Can I rename a currency?", body: "The label is wrong.", tags: ["feedtest"] });
    await promoteAnswer(t.db, { actorId: staff.id, answerId: (await makeAnswer(t.db, staff.id, other.id, "Currencies use ISO names; they cannot be renamed.")).id });
    const kb = await read(kbRoute.loader, "/feeds/kb");
    expect(kb.status).toBe(200);
    expect(kb.body).toContain("<title>Knowledge base - Peerdesk</title>");
    expect(kb.body).toContain("Settings, then Currencies, then Add.");
    // The second article is still a draft.
    expect(kb.body).not.toContain("ISO names");
    const links = questionPageMeta({ data: { seo: { title: "Q", description: "d", url: "http://localhost:3000/questions/7/q" }, structuredData: null, question: { id: 7 } } } as never);
    expect(links).toContainEqual({ tagName: "link", rel: "alternate", type: "application/atom+xml", title: "Answers to this question", href: "/feeds/questions/7" });
  });
});
