// The HTTP server: opens (and migrates) the database before it listens, seeds demo data on the
// first start of an empty database, and hands the database to Remix through the load context.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { openDatabase } from "../../db/client";
import { config } from "../config.server";
import { FORM_BYTES_LIMIT } from "../http/body.server";
import { seedDemoDataIfEmpty } from "../seed/seed-demo";
import { deliverPendingEmails, folderTransport, smtpTransport } from "../services/email.server";
import { rerenderStalePosts } from "../services/maintenance.server";
import { cspNonce, guardRequests, securityHeaders } from "./security";

installGlobals({ nativeFetch: true });

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.PGLITE_DATA_DIR ?? path.join(root, "data", "pglite");

const started = Date.now();
const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
const rerendered = await rerenderStalePosts(handle.db);
if (rerendered > 0) console.log(`Re-rendered ${rerendered} posts with the current markdown renderer.`);
if (process.env.SEED_DEMO_DATA !== "false" && (!production || process.env.SEED_DEMO_DATA === "true")) {
  const seeded = await seedDemoDataIfEmpty(handle.db);
  if (seeded) console.log(`Seeded demo data: ${seeded.users} users, ${seeded.questions} questions, ${seeded.answers} answers.`);
}

// Email delivery from the outbox table: any number of processes may run this loop.
const mailTransport = process.env.SMTP_URL ? smtpTransport(process.env.SMTP_URL) : folderTransport(process.env.OUTBOX_DIR ?? path.join(root, "data", "outbox"));
const deliverEmail = () =>
  deliverPendingEmails(handle.db, mailTransport).catch((error) => console.error("email delivery failed:", error));
setInterval(deliverEmail, Number(process.env.EMAIL_POLL_MS ?? 5000)).unref();
console.log(`Email: ${mailTransport.describe}`);
if (production && !process.env.SMTP_URL) console.warn("Warning: NODE_ENV=production without SMTP_URL; emails go to the outbox folder only.");

const build = (await import(path.join(root, "build", "index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(cspNonce);
app.use(securityHeaders(production));
app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
guardRequests(app, { trustProxy: config().TRUST_PROXY, maxBodyBytes: FORM_BYTES_LIMIT });
app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({
      db: handle.db,
      clientIp: req.ip ?? "unknown",
      cspNonce: res.locals.cspNonce as string,
      secureCookies: production,
    }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Peerdesk listening on http://localhost:${port} (${handle.driver}, ready in ${Date.now() - started} ms)`);
});

async function shutdown() {
  server.close();
  await handle.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
