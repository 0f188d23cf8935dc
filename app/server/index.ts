// The HTTP server: opens (and migrates) the database before it listens, seeds demo data on the
// first start of an empty database, and hands the database to Remix through the load context.
import path from "node:path";
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

const settings = config();
const { production, root } = settings;

const started = Date.now();
const handle = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.PGLITE_DATA_DIR, poolSize: settings.DATABASE_POOL_SIZE });
const rerendered = await rerenderStalePosts(handle.db);
if (rerendered > 0) console.log(`Re-rendered ${rerendered} posts with the current markdown renderer.`);
if (settings.SEED_DEMO_DATA !== "false" && (!production || settings.SEED_DEMO_DATA === "true")) {
  const seeded = await seedDemoDataIfEmpty(handle.db);
  if (seeded) console.log(`Seeded demo data: ${seeded.users} users, ${seeded.questions} questions, ${seeded.answers} answers.`);
}

// Email delivery from the outbox table: any number of processes may run this loop.
const mailTransport = settings.SMTP_URL ? smtpTransport(settings.SMTP_URL) : folderTransport(settings.OUTBOX_DIR);
const deliverEmail = () =>
  deliverPendingEmails(handle.db, mailTransport).catch((error) => console.error("email delivery failed:", error));
setInterval(deliverEmail, settings.EMAIL_POLL_MS).unref();
console.log(`Email: ${mailTransport.describe}`);
if (production && !settings.SMTP_URL) console.warn("Warning: NODE_ENV=production without SMTP_URL; emails go to the outbox folder only.");

const build = (await import(path.join(root, "build", "index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(cspNonce);
app.use(securityHeaders(production));
app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
guardRequests(app, { trustProxy: settings.TRUST_PROXY, maxBodyBytes: FORM_BYTES_LIMIT });
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

const server = app.listen(settings.PORT, () => {
  console.log(`Peerdesk listening on http://localhost:${settings.PORT} (${handle.driver}, ready in ${Date.now() - started} ms)`);
});

async function shutdown() {
  server.close();
  await handle.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
