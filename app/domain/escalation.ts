// The escalation ladder, as rules: a question nobody answers climbs from the community to tag
// experts to staff, on a clock an admin sets; the asker can ask for staff at once. Pure: where a
// question stands, and when the next step comes, from its facts and the clock.
import { formatDateTime } from "~/lib/format";
import type { EscalationReason, EscalationStage } from "./escalation-stages";

export { ESCALATION_REASONS, ESCALATION_STAGES, type EscalationReason, type EscalationStage } from "./escalation-stages";

export interface LadderClock {
  communityMinutes: number;
  expertMinutes: number;
  staffMinutes: number;
  /** Questions asked before this do not climb (the ladder was turned on then). */
  startedAt: Date;
}

const MINUTE_MS = 60_000;
const plusMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * MINUTE_MS);

export interface LadderQuestion {
  createdAt: Date;
  answerCount: number;
  /** An accepted or staff-verified answer. */
  solved: boolean;
  closed: boolean;
  deleted: boolean;
}

export interface LadderEntry {
  stage: EscalationStage;
  reason: EscalationReason;
  stageAt: Date;
  staffDueAt: Date | null;
  resolvedAt: Date | null;
}

/** Where a question stands, and when its next step comes; null when it is off the ladder (answered, solved, closed). */
export type LadderPosition =
  | { stage: "community"; expertsAt: Date; staffBy: Date }
  | { stage: "experts"; staffQueueAt: Date; staffBy: Date }
  | { stage: "staff"; requested: boolean; staffBy: Date; overdue: boolean };

export function ladderPosition(question: LadderQuestion, entry: LadderEntry | null, clock: LadderClock, now: Date): LadderPosition | null {
  if (question.deleted || question.closed || question.solved) return null;
  if (entry && !entry.resolvedAt) {
    if (entry.stage === "staff") {
      const staffBy = entry.staffDueAt ?? plusMinutes(entry.stageAt, clock.staffMinutes);
      return { stage: "staff", requested: entry.reason === "requested", staffBy, overdue: staffBy.getTime() < now.getTime() };
    }
    // An answer stops the climb; the job marks the entry resolved on its next run.
    if (question.answerCount > 0) return null;
    const staffQueueAt = plusMinutes(entry.stageAt, clock.expertMinutes);
    return { stage: "experts", staffQueueAt, staffBy: plusMinutes(staffQueueAt, clock.staffMinutes) };
  }
  if (entry || question.answerCount > 0 || question.createdAt.getTime() < clock.startedAt.getTime()) return null;
  const expertsAt = plusMinutes(question.createdAt, clock.communityMinutes);
  return { stage: "community", expertsAt, staffBy: plusMinutes(expertsAt, clock.expertMinutes + clock.staffMinutes) };
}

/** When a question that enters the staff queue now will have been looked at by. */
export const staffDueFrom = (now: Date, clock: LadderClock) => plusMinutes(now, clock.staffMinutes);

/** The latest a question may have been asked and still be with the community: older unanswered ones go to experts. */
export const communityCutoff = (now: Date, clock: LadderClock) => plusMinutes(now, -clock.communityMinutes);

/** The latest a question may have reached experts and still be with them: earlier ones go to staff. */
export const expertCutoff = (now: Date, clock: LadderClock) => plusMinutes(now, -clock.expertMinutes);

/** What the asker (or staff) reads about where a question stands: the step it is on, and when staff will look. */
export function describeLadderPosition(position: LadderPosition, forAsker: boolean): { where: string; due: string; late: boolean } {
  const whose = forAsker ? "your question" : "this question";
  const at = formatDateTime;
  const late = position.stage === "staff" && position.overdue;
  const due = late ? `Staff are late: they were due to look at this by ${at(position.staffBy)}.` : `Staff will look at this by ${at(position.staffBy)}.`;
  switch (position.stage) {
    case "community":
      return { where: `The community has ${whose} first. If nobody answers by ${at(position.expertsAt)}, it is offered to experts in its tags.`, due, late };
    case "experts":
      return { where: `Nobody in the community has answered yet, so ${whose} is offered to experts in its tags. If none of them answers by ${at(position.staffQueueAt)}, it goes to staff.`, due, late };
    case "staff":
      return {
        where: position.requested ? `${forAsker ? "You asked" : "The asker asked"} for staff help: ${whose} is in the staff queue.` : `Nobody has answered ${whose} yet, so it is in the staff queue.`,
        due,
        late,
      };
  }
}
