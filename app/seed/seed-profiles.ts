// Demo data for the directories: what a few members say about themselves, and what each of the
// busiest tags is for, so /users, profiles and /tags look lived-in on first start.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { tags, users } from "../../db/schema";

const PROFILES: Record<string, { bio: string; location?: string; website?: string }> = {
  admin: { bio: "Head of customer support at Ledgerly. I read every escalated question.", location: "Dublin, Ireland", website: "https://ledgerly.example" },
  staff1: { bio: "Ledgerly support engineer: bank feeds, imports and anything with a CSV in it.", location: "Madrid, Spain" },
  staff2: { bio: "Ledgerly product specialist for invoicing and payments.", location: "Bengaluru, India" },
  super1: { bio: "Bookkeeper for a dozen small businesses. Happy to help with reconciliation puzzles.", location: "Galway, Ireland", website: "https://gwen-books.example" },
  super2: { bio: "Developer who automates Ledgerly with the API and webhooks.", location: "Leeds, UK" },
  super3: { bio: "Accountant; VAT and multi-currency are my favourite headaches.", location: "Pune, India" },
  super4: { bio: "Runs a small design studio on Ledgerly since 2019.", location: "Malmö, Sweden" },
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  invoices: "Creating, sending, editing and numbering invoices, and what customers see when they get one.",
  reconciliation: "Matching bank transactions to invoices, bills and payments, and fixing what does not match.",
  reports: "Profit and loss, balance sheet, aged receivables and custom reports: figures, filters and exports.",
  "mobile-app": "The Ledgerly app for iOS and Android: sign-in, sync, receipts and notifications on the phone.",
  "bank-feeds": "Connecting banks, feeds that stop updating, duplicate or missing transactions.",
  api: "The Ledgerly REST API: authentication, limits, endpoints and errors.",
  permissions: "Who can see and do what: roles, invitations and access for accountants.",
  login: "Signing in, passwords, locked accounts and single sign-on.",
  exports: "Getting data out of Ledgerly: CSV and PDF exports, backups and migrations.",
  webhooks: "Events Ledgerly sends to your systems: setup, signatures, retries.",
  vat: "VAT rates, returns and reports, including reverse charge and MOSS.",
  receipts: "Capturing receipts by photo or email and matching them to expenses.",
  payroll: "Running payroll, payslips, pensions and filings.",
  csv: "Importing and exporting CSV files: formats, encodings and column mapping.",
  billing: "Your Ledgerly subscription: plans, payments, invoices from us and cancellations.",
};

export async function seedProfiles(db: Database, idOf: (key: string) => number) {
  for (const [key, profile] of Object.entries(PROFILES)) {
    await db.update(users).set({ bio: profile.bio, location: profile.location ?? null, website: profile.website ?? null }).where(eq(users.id, idOf(key)));
  }
  for (const [name, description] of Object.entries(TAG_DESCRIPTIONS)) {
    await db.update(tags).set({ description }).where(eq(tags.name, name));
  }
}
