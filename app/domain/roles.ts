// Who someone is on the site. The one list of roles: the database column, the forms and the
// rules (privileges.ts) all read it from here.
export const ROLES = ["customer", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
