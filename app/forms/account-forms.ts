import { z } from "zod";
import { LIMITS, text } from "./fields";

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

export const signUpForm = z.object({
  email,
  displayName: text("Display name", LIMITS.displayName),
  password: password.min(LIMITS.password.min, { error: `Password must be at least ${LIMITS.password.min} characters.` }),
});

export const logInForm = z.object({ email, password });
