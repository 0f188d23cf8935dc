import { z } from "zod";
import { DELETE_ACCOUNT_CONFIRMATION, looksLikeFormerMemberName } from "~/domain/accounts";
import { idSchema, text } from "./fields.server";
import { emailDeliveriesFields } from "./notification-forms.server";
import { INVISIBLE_CHARACTERS, LIMITS } from "./limits";

const email = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Email is required." })
  .max(LIMITS.email.max, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

const password = z
  .string({ error: "Password is required." })
  .min(1, { error: "Password is required." })
  .max(LIMITS.password.max, { error: `Password must be at most ${LIMITS.password.max} characters.` });

/**
 * A display name as readers will see it: NFC (one spelling per accented letter), invisible and
 * direction-control characters removed (so "Admin" + U+202E cannot pose as another name or flip
 * the text after it), runs of spaces made one.
 */
export function normaliseDisplayName(value: string): string {
  return value.normalize("NFC").replace(INVISIBLE_CHARACTERS, "").replace(/\s+/g, " ").trim();
}

export const displayNameField = z
  .string({ error: "Display name is required." })
  .transform(normaliseDisplayName)
  .pipe(text("Display name", LIMITS.displayName))
  // Deleted members' posts are shown under "Former member 12": nobody may pose as one.
  .refine((name) => !looksLikeFormerMemberName(name), { error: "That display name is reserved." });

/** A password being chosen (sign-up, reset, change): the one length rule. */
const newPassword = password.min(LIMITS.password.min, { error: `Password must be at least ${LIMITS.password.min} characters.` });

export const signUpForm = z.object({
  email,
  displayName: displayNameField,
  password: newPassword,
});

export const logInForm = z.object({ email, password });

/** The button behind an emailed sign-up link; a display name only when the first one was taken meanwhile. */
export const confirmSignUpForm = z.object({
  token: z.string({ error: "This sign-up link is incomplete." }).min(1, { error: "This sign-up link is incomplete." }).max(100, { error: "This sign-up link is incomplete." }),
  displayName: displayNameField.optional(),
});

const emailedToken = (what: string) =>
  z
    .string({ error: `This ${what} link is incomplete.` })
    .min(1, { error: `This ${what} link is incomplete.` })
    .max(100, { error: `This ${what} link is incomplete.` });

export const forgotPasswordForm = z.object({ email });

export const resetPasswordForm = z.object({ token: emailedToken("password reset"), password: newPassword });

export const confirmEmailForm = z.object({ token: emailedToken("email change") });

const currentPassword = z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(LIMITS.password.max, { error: "That is not your current password." });

/** The settings page's small forms, one intent each; field names differ so each form's errors stay its own. */
export const settingsIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("changePassword"), currentPassword, newPassword }),
  z.object({ intent: z.literal("changeEmail"), newEmail: email, emailPassword: currentPassword }),
  z.object({ intent: z.literal("signOutSession"), sessionId: z.string().regex(/^[0-9a-f]{64}$/, { error: "That session does not exist." }) }),
  z.object({ intent: z.literal("signOutOthers") }),
  z.object({ intent: z.literal("emailNotifications"), ...emailDeliveriesFields }),
  z.object({ intent: z.literal("unfollowTag"), tag: z.string().min(1, { error: "That tag does not exist." }).max(35, { error: "That tag does not exist." }) }),
  z.object({ intent: z.literal("unfollowQuestion"), questionId: idSchema }),
  z.object({
    intent: z.literal("deleteAccount"),
    deletePassword: currentPassword,
    confirmation: z
      .string({ error: `Type "${DELETE_ACCOUNT_CONFIRMATION}" to confirm.` })
      .refine((typed) => typed.trim().toLowerCase() === DELETE_ACCOUNT_CONFIRMATION, { error: `Type "${DELETE_ACCOUNT_CONFIRMATION}" to confirm.` }),
  }),
]);
