// The question page's many actions, one discriminated union keyed by the submit's `intent`.
import { z } from "zod";
import { idSchema, optionalText } from "./fields.server";
import { LIMITS } from "./limits";

export const questionPageIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("answer") }),
  z.object({ intent: z.literal("comment"), postId: idSchema }),
  z.object({ intent: z.literal("vote"), postId: idSchema, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("accept"), answerId: idSchema }),
  z.object({ intent: z.literal("unaccept"), answerId: idSchema }),
  z.object({ intent: z.literal("promote"), answerId: idSchema }),
  z.object({ intent: z.literal("delete"), postId: idSchema }),
  z.object({ intent: z.literal("restore"), postId: idSchema }),
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
  z.object({ intent: z.literal("requestStaffHelp") }),
]);

/** The asker's request for staff: an optional note only they and staff will see. */
export const staffHelpForm = z.object({ privateNote: optionalText("Private note", LIMITS.privateNote.max) });
