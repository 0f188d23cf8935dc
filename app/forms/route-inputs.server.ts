// Query-string and small form schemas of single routes. They live here, not at the top of the
// route modules, because a route module's top-level code is kept in its browser chunk (the
// compiler drops the loader and action, not module-level `z.object(...)` calls), which shipped
// all of zod to the browser. A .server module is left out of the browser build.
import { z } from "zod";
import { DEFLECTION_REPORT_DAYS } from "~/domain/deflection";
import { MODERATION_ACTIONS } from "~/domain/moderation";
import { ROLES } from "~/domain/roles";
import { MAX_SEARCH_PAGE } from "~/services/search/search.server";
import { idSchema } from "./fields.server";
import { LIMITS } from "./limits";

/** /admin/log filters: anything malformed is simply no filter. */
export const logParams = z.object({
  staff: idSchema.optional().catch(undefined),
  member: idSchema.optional().catch(undefined),
  action: z.enum(MODERATION_ACTIONS).optional().catch(undefined),
  after: z.string().max(40).optional().catch(undefined),
});

/** /admin/deflection?days=… */
export const reportParams = z.object({
  days: z.coerce.number().int().min(1).max(DEFLECTION_REPORT_DAYS.max).catch(DEFLECTION_REPORT_DAYS.default),
});

/** /search?page=… */
export const searchPageParam = z
  .string()
  .regex(/^\d{1,6}$/, { error: "That page number is not valid." })
  .transform(Number)
  .pipe(
    z
      .number()
      .min(1, { error: "That page number is not valid." })
      .max(MAX_SEARCH_PAGE, { error: `Search shows the first ${MAX_SEARCH_PAGE} pages of results. Add a word to narrow your search.` }),
  );

/** An admin changing a member's role on their profile. */
export const roleChange = z.object({ intent: z.literal("setRole"), role: z.enum(ROLES) });

/** A tag's description on its page. */
export const describeTagForm = z.object({
  description: z.string().max(LIMITS.tagDescription.max, `Keep the description to ${LIMITS.tagDescription.max} characters or fewer.`),
});

/** Staff verifying an answer, or taking the mark back. */
export const verifyIntent = z.enum(["verify", "unverify"]);
