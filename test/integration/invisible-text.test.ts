// Text that draws nothing is no text: a question of zero-width spaces is refused with the form's
// message (not stored, not a 500), and a display name that differs from a member's only by
// invisible or direction-control characters is that member's name.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "../../db/schema";
import * as ask from "~/routes/questions.ask";
import { useTestDatabase } from "../support/databases";
import { makeUser, sessionCookieFor } from "../support/fixtures";
import { callRoute, contextFor, formRequest } from "../support/routes";

const t = useTestDatabase();

describe("invisible text", () => {
  it("a question titled and written only in U+200B is refused with 400 and the messages, keeping what was typed", async () => {
    const asker = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, asker.id);
    const fields = { title: "\u200B", body: "\u200B\u200B\u200B", tags: "invoices" };
    const result = await callRoute(() => ask.action({ request: formRequest("/questions/ask", fields, cookie), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ title: "Title is required.", body: "Body is required." });
    expect(result.data.values).toMatchObject(fields);
    expect(await t.db.select().from(posts).where(eq(posts.authorId, asker.id))).toEqual([]);
  });

  it("a title padded to length with invisible characters is still too short", async () => {
    const asker = await makeUser(t.db);
    const cookie = await sessionCookieFor(t.db, asker.id);
    const fields = { title: `Help${"\u2060".repeat(20)}`, body: "My invoices will not export to CSV since Monday.", tags: "invoices" };
    const result = await callRoute(() => ask.action({ request: formRequest("/questions/ask", fields, cookie), params: {}, context: contextFor(t.db) }));
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ title: "Title must be at least 15 characters." });
  });
});
