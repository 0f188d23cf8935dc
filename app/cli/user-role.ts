// npm run user:role -- EMAIL ROLE   (ROLE: customer, staff or admin)
import { ROLES, type Role } from "~/domain/roles";
import { setRoleByEmail } from "~/services/users.server";
import { openDatabaseFromEnv } from "./open-from-env";

const [email, role] = process.argv.slice(2);
if (!email || !ROLES.includes(role as Role)) {
  console.error("Usage: npm run user:role -- EMAIL customer|staff|admin");
  process.exit(2);
}
const handle = await openDatabaseFromEnv();
try {
  const changed = await setRoleByEmail(handle.db, email, role as Role);
  if (!changed) {
    console.error(`No account with the email ${email}.`);
    process.exitCode = 1;
  } else {
    console.log(`${email} is now ${role}.`);
  }
} finally {
  await handle.close();
}
