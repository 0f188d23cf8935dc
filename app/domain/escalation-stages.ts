// The steps of the escalation ladder a question can be on. Its own module: the schema imports it.
export const ESCALATION_STAGES = ["experts", "staff"] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

/** Why a question is on the ladder: nobody answered in time, or the asker asked for staff. */
export const ESCALATION_REASONS = ["unanswered", "requested"] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
