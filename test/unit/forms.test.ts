import { describe, expect, it } from "vitest";
import { displayNameField, signUpForm } from "~/forms/account-forms.server";
import { askIntent } from "~/forms/ask-forms.server";
import { fieldErrors, idSchema } from "~/forms/fields.server";
import { parseId, parseTags, readId } from "~/forms/limits";
import { questionForm } from "~/forms/post-forms.server";
import { slugify } from "~/lib/slug";

const errorsOf = (result: ReturnType<typeof questionForm.safeParse>) => (result.success ? {} : fieldErrors(result.error));

describe("question form", () => {
  const valid = { title: "Bank feed stopped syncing", body: "Since Monday my bank feed shows no new transactions.", tags: "bank-feeds, sync" };

  it("accepts a reasonable question and normalises tags", () => {
    const result = questionForm.safeParse({ ...valid, tags: "Bank-Feeds  sync,bank-feeds" });
    expect(result.success && result.data.tags).toEqual(["bank-feeds", "sync"]);
  });
  it.each([
    [{ title: undefined }, "title", "Title is required."],
    [{ title: "   " }, "title", "Title is required."],
    [{ title: "short" }, "title", "Title must be at least 15 characters."],
    [{ title: "x".repeat(151) }, "title", "Title must be at most 150 characters."],
    [{ body: "x".repeat(1_000_000) }, "body", "Body must be at most 30,000 characters."],
    [{ body: "a body with a NUL \u0000 byte inside it" }, "body", "Body contains characters that are not allowed."],
    [{ tags: "" }, "tags", "Add at least one tag."],
    [{ tags: "a b c d e f" }, "tags", "Use at most 5 tags."],
    [{ tags: "<script>" }, "tags", "Tags may use only letters, digits and . + # - (and start with a letter or digit)."],
  ])("%o gives %s: %s", (override, field, message) => {
    expect(errorsOf(questionForm.safeParse({ ...valid, ...override }))[field]).toBe(message);
  });
  it.each([
    [{ title: "\u200B" }, "title", "Title is required."],
    [{ title: "\u200B\u200B\u200B \u2060\uFEFF" }, "title", "Title is required."],
    [{ title: "Short\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B" }, "title", "Title must be at least 15 characters."],
    [{ body: "\u200B\u200C\u200D\u202E\u2066".repeat(10) }, "body", "Body is required."],
  ])("invisible characters are not text: %o gives %s: %s", (override, field, message) => {
    expect(errorsOf(questionForm.safeParse({ ...valid, ...override }))[field]).toBe(message);
  });
  it("keeps joiners inside visible text (emoji sequences, scripts that need them)", () => {
    const title = "Export fails for \u{1F469}\u200D\u{1F4BB} team invoices";
    const result = questionForm.safeParse({ ...valid, title });
    expect(result.success && result.data.title).toBe(title);
  });
  it("keeps HTML in titles as text (escaping is the renderer's job)", () => {
    const result = questionForm.safeParse({ ...valid, title: "Why does <invoice> show &amp;?" });
    expect(result.success && result.data.title).toBe("Why does <invoice> show &amp;?");
  });
});

describe("sign-up form", () => {
  it("lower-cases the email and explains a bad one", () => {
    const ok = signUpForm.safeParse({ email: " Ann@Example.COM ", displayName: "Ann", password: "long enough pw" });
    expect(ok.success && ok.data.email).toBe("ann@example.com");
    const bad = signUpForm.safeParse({ email: "ann", displayName: "A", password: "short" });
    expect(bad.success ? {} : fieldErrors(bad.error)).toEqual({
      email: "Enter an email address like name@example.com.",
      displayName: "Display name must be at least 2 characters.",
      password: "Password must be at least 8 characters.",
    });
  });
});

describe("display names", () => {
  const parse = (displayName: string) => {
    const result = displayNameField.safeParse(displayName);
    return result.success ? { name: result.data } : { error: result.error.issues[0]?.message };
  };
  it.each([
    ["Maya Okafor\u200B", "Maya Okafor"],
    ["Admin\u202Egnp.exe", "Admingnp.exe"],
    ["\u2066Maya\u2069 \u200EOkafor\u200F", "Maya Okafor"],
    ["  Maya \u00A0  Okafor ", "Maya Okafor"],
    // NFC: "e" + combining acute becomes one "é", so two spellings are one name.
    ["Rene\u0301", "Ren\u00E9"],
  ])("%j is stored as %j", (raw, expected) => {
    expect(parse(raw)).toEqual({ name: expected });
  });
  it.each([
    ["\u200B\u200B\u200B", "Display name is required."],
    ["\u202E\u2066\uFEFF", "Display name is required."],
    ["A\u200B\u200B", "Display name must be at least 2 characters."],
  ])("%j is refused: %s", (raw, message) => {
    expect(parse(raw)).toEqual({ error: message });
  });
});

describe("ids, redirects, tags, slugs", () => {
  it.each([
    ["12", 12],
    ["0", null],
    ["-1", null],
    ["abc", null],
    ["1e3", null],
    ["99999999999", null],
    [undefined, null],
  ])("parseId(%s) = %s", (raw, expected) => {
    expect(parseId(raw)).toBe(expected);
  });
  // The browser reads ids without zod; it must agree with the server's schema on every input.
  it.each(["12", " 42 ", "007", "4.0", "4.5", "1e3", "0x10", "", "0", "-3", "2147483647", "2147483648", "abc", "Infinity", "NaN", "12abc"])(
    "readId(%j) agrees with idSchema",
    (raw) => {
      const parsed = idSchema.safeParse(raw);
      expect(readId(raw)).toBe(parsed.success ? parsed.data : null);
    },
  );
  it("splits tags on commas and spaces", () => {
    expect(parseTags("vat, sales-tax  VAT,,c#")).toEqual(["vat", "sales-tax", "c#"]);
  });
  it("makes readable slugs", () => {
    expect(slugify("Can't export CSV — Ünïcode?")).toBe("cant-export-csv-unicode");
    expect(slugify("???")).toBe("post");
  });
});

describe("the ask form's buttons", () => {
  it.each([
    [null, { intent: "post" }],
    ["", { intent: "post" }],
    ["preview", { intent: "preview" }],
    ["check", { intent: "check" }],
    ["open:article:5", { intent: "open", target: { kind: "article", id: 5 } }],
    ["open:question:12", { intent: "open", target: { kind: "question", id: 12 } }],
    ["solved:article:5", { intent: "solved", target: { kind: "article", id: 5 } }],
    ["solved:question:12", { intent: "solved", target: { kind: "question", id: 12 } }],
    ["open:user:1", null],
    ["open:article:0", null],
    ["open:article:-1", null],
    ["open:article:12345678901", null],
    ["read:article:5", null],
    ["solved:article:5 ", null],
  ])("%o is %o", (raw, expected) => {
    expect(askIntent(raw)).toEqual(expected);
  });
});
