import { describe, expect, it } from "vitest";
import { PRIVILEGE_THRESHOLDS, can, controlNote, type Actor, type PostFacts } from "~/domain/privileges";

const customer = (reputation: number, id = 1): Actor => ({ id, role: "customer", reputation });
const suspended: Actor = { ...customer(5000), suspension: { until: new Date("2026-12-05T14:05:00Z"), reason: "Posting spam" } };
const staff: Actor = { id: 9, role: "staff", reputation: 1 };
const othersQuestion: PostFacts = { authorId: 5, type: "question", deleted: false, questionDeleted: false, questionAuthorId: 5 };
const ownQuestion: PostFacts = { ...othersQuestion, authorId: 1, questionAuthorId: 1 };

describe("controlNote: the line where a control would be", () => {
  it.each([
    { control: "comment", action: { type: "comment", post: othersQuestion }, text: `Commenting on others' posts needs ${PRIVILEGE_THRESHOLDS.commentAnywhere} reputation.` },
    { control: "vote", action: { type: "upvote", post: othersQuestion }, text: `Upvoting needs ${PRIVILEGE_THRESHOLDS.upvote} reputation.` },
    { control: "vote", action: { type: "downvote", post: othersQuestion }, text: `Downvoting needs ${PRIVILEGE_THRESHOLDS.downvote} reputation.` },
    { control: "flag", action: { type: "flag", post: othersQuestion }, text: `Flagging needs ${PRIVILEGE_THRESHOLDS.flag} reputation.` },
    { control: "edit", action: { type: "edit", post: othersQuestion }, text: `Editing others' posts needs ${PRIVILEGE_THRESHOLDS.editAny} reputation.` },
    { control: "close", action: { type: "voteToClose", question: othersQuestion }, text: `Voting to close or reopen needs ${PRIVILEGE_THRESHOLDS.closeReopen} reputation.` },
  ] as const)("a new member is told what $action.type needs", ({ control, action, text }) => {
    expect(controlNote(can(customer(1), action), control)).toEqual({ text, logIn: false });
  });

  it("says nothing once the reputation is there, nor to staff", () => {
    expect(controlNote(can(customer(PRIVILEGE_THRESHOLDS.commentAnywhere), { type: "comment", post: othersQuestion }), "comment")).toBeNull();
    expect(controlNote(can(staff, { type: "voteToClose", question: othersQuestion }), "close")).toBeNull();
  });

  it("says nothing when the reason needs no words: one's own post, a deleted one", () => {
    expect(controlNote(can(customer(1), { type: "upvote", post: ownQuestion }), "vote")).toBeNull();
    expect(controlNote(can(customer(1), { type: "flag", post: ownQuestion }), "flag")).toBeNull();
    expect(controlNote(can(customer(5000), { type: "comment", post: { ...othersQuestion, deleted: true } }), "comment")).toBeNull();
  });

  it.each([
    { control: "comment", action: { type: "comment", post: othersQuestion }, text: "Log in to comment" },
    { control: "vote", action: { type: "upvote", post: othersQuestion }, text: "Log in to vote" },
    { control: "answer", action: { type: "answer", question: othersQuestion }, text: "Log in to answer" },
  ] as const)("invites a visitor to log in where $control would be", ({ control, action, text }) => {
    expect(controlNote(can(null, action), control)).toEqual({ text, logIn: true });
  });

  it("does not repeat the log-in invitation beside every control", () => {
    expect(controlNote(can(null, { type: "flag", post: othersQuestion }), "flag")).toBeNull();
    expect(controlNote(can(null, { type: "edit", post: othersQuestion }), "edit")).toBeNull();
  });

  it("tells a suspended member why, with the date and reason, at the comment place only", () => {
    const note = controlNote(can(suspended, { type: "comment", post: othersQuestion }), "comment");
    expect(note).toEqual({ text: "Your account is suspended until 5 Dec 2026, 14:05 UTC: Posting spam", logIn: false });
    expect(controlNote(can(suspended, { type: "upvote", post: othersQuestion }), "vote")).toBeNull();
    expect(controlNote(can(suspended, { type: "flag", post: othersQuestion }), "flag")).toBeNull();
  });
});
