// npm run user:role -- EMAIL ROLE   (ROLE: customer, staff or admin)
import { setRoleByEmail } from "~/services/users.server";
import { openDatabaseFromEnv } from "./open-from-env";

const [email, role] = process.argv.slice(2);
const roles = ["customer", "staff", "admin"] as const;
if (!email || !roles.includes(role as (typeof roles)[number])) {
  console.error("Usage: npm run user:role -- EMAIL customer|staff|admin");
  process.exit(2);
}
const handle = await openDatabaseFromEnv();
try {
  const changed = await setRoleByEmail(handle.db, email, role as (typeof roles)[number]);
  if (!changed) {
    console.error(`No account with the email ${email}.`);
    process.exitCode = 1;
  } else {
    console.log(`${email} is now ${role}.`);
  }
} finally {
  await handle.close();
}
