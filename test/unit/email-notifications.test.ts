// The pure rules behind notification emails: defaults and choices, what an unsubscribe link
// stops, subjects cut at a word, and the signed token that lets the link work without a login.
import { describe, expect, it } from "vitest";
import { afterUnsubscribe, digestEmail, effectiveDeliveries, emailSubject, instantEmail, SUBJECT_CHARS } from "~/domain/email-notifications";
import { signToken, verifyToken } from "~/lib/signed-token.server";

const links = { settingsUrl: "https://help.example.com/settings#notifications", unsubscribeUrl: "https://help.example.com/unsubscribe?token=t" };

describe("email choices", () => {
  it("a kind nobody chose for takes its default; a choice overrides it; unknown kinds are ignored", () => {
    const deliveries = effectiveDeliveries([
      { kind: "answer", delivery: "off" },
      { kind: "retired_kind", delivery: "instant" },
    ]);
    expect(deliveries).toEqual({ answer: "off", comment: "instant", accepted: "instant", answer_promoted: "instant", edited: "daily", new_question: "daily", badge_earned: "daily", moderated: "instant", mention: "instant", escalated: "instant" });
  });

  it("an instant email's link stops its kind only; the digest's link stops every daily kind and nothing sent at once", () => {
    const current = effectiveDeliveries([{ kind: "comment", delivery: "daily" }]);
    expect(afterUnsubscribe(current, "accepted")).toEqual({ ...current, accepted: "off" });
    expect(afterUnsubscribe(current, "digest")).toEqual({ ...current, comment: "off", edited: "off", new_question: "off", badge_earned: "off" });
  });
});

describe("email words", () => {
  it("a subject longer than the limit is cut at a word with an ellipsis; a short one is kept whole", () => {
    const long = `Ana Lima answered your question “${"Why does the bank feed stop syncing ".repeat(4).trim()}”`;
    const subject = emailSubject(long);
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_CHARS);
    expect(subject).toMatch(/ syncing…$|feed…$|bank…$|stop…$|does…$|the…$|Why…$/);
    expect(long.startsWith(subject.slice(0, -1))).toBe(true);
    expect(emailSubject("Ana Lima commented on your answer")).toBe("Ana Lima commented on your answer");
  });

  it("an email names who acted, links to the thing, and ends with the settings and unsubscribe links", () => {
    const email = instantEmail({ recipientName: "Bo", notice: { kind: "comment", message: "commented on your answer to “VAT”", actorName: "Ana", url: "https://help.example.com/questions/1/vat#comment-3" }, ...links });
    expect(email.subject).toBe("Ana commented on your answer to “VAT”");
    expect(email.text).toBe(
      "Hi Bo,\n\nAna commented on your answer to “VAT”.\n\nhttps://help.example.com/questions/1/vat#comment-3\n\n--\nYou get this email because of your Peerdesk notification settings: https://help.example.com/settings#notifications\nStop emails about comments on your posts: https://help.example.com/unsubscribe?token=t\n",
    );
  });

  it("a digest lists each notice with its link and counts them in the subject", () => {
    const notice = { kind: "new_question" as const, message: "asked “Logo on invoices?” in branding, a tag you follow", actorName: "Cy", url: "https://help.example.com/questions/9/logo" };
    const badge = { kind: "badge_earned" as const, message: "You earned the “Editor” badge (bronze): Improved a post.", actorName: null, url: "https://help.example.com/badges" };
    const email = digestEmail({ recipientName: "Bo", notices: [notice, badge], inboxUrl: "https://help.example.com/notifications", ...links });
    expect(email.subject).toBe("Your Peerdesk digest: 2 new notifications");
    // One full stop after each notice, not two after one that has its own.
    expect(email.text).toContain("- Cy asked “Logo on invoices?” in branding, a tag you follow.\n  https://help.example.com/questions/9/logo\n- You earned the “Editor” badge (bronze): Improved a post.\n");
    expect(email.text).toContain("Stop emails about the daily digest: https://help.example.com/unsubscribe?token=t");
  });
});

describe("signed tokens", () => {
  const key = "k".repeat(43);
  const now = new Date("2026-12-03T12:00:00Z");
  const later = new Date("2027-01-01T00:00:00Z");

  it("gives back the claim while it is valid, and says expired after", () => {
    const token = signToken(key, "12:answer", later);
    expect(verifyToken(key, token, now)).toEqual({ ok: true, claim: "12:answer" });
    expect(verifyToken(key, token, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token signed with another key, or with its claim or expiry changed", () => {
    const token = signToken(key, "12:answer", later);
    const [claim, expiry, signature] = token.split(".");
    expect(verifyToken("another key", token, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyToken(key, `${Buffer.from("13:answer").toString("base64url")}.${expiry}.${signature}`, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyToken(key, `${claim}.${Number(expiry) + 1}.${signature}`, now)).toEqual({ ok: false, reason: "forged" });
    // An expired token with a bad signature is a forgery, not an expiry.
    expect(verifyToken(key, `${claim}.1.${signature}`, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyToken(key, "", now)).toEqual({ ok: false, reason: "forged" });
  });
});
