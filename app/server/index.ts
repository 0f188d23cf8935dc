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
import { refreshSearchStatistics, searchStatisticsAge } from "../services/search/index.server";
import { reverseSerialVotes } from "../services/serial-voting.server";
import { cspNonce, guardRequests, securityHeaders } from "./security";

installGlobals({ nativeFetch: true });

const DAY_MS = 24 * 60 * 60 * 1000;
const settings = config();
const { production, root } = settings;

const started = Date.now();
// The first start takes a while (migrations, then the demo community): say what is happening.
console.log(settings.DATABASE_URL ? "Opening PostgreSQL and applying migrations…" : `Opening the embedded database in ${settings.PGLITE_DATA_DIR} and applying migrations…`);
const handle = await openDatabase({ url: settings.DATABASE_URL, dataDir: settings.PGLITE_DATA_DIR, poolSize: settings.DATABASE_POOL_SIZE });
const rerendered = await rerenderStalePosts(handle.db);
if (rerendered > 0) console.log(`Re-rendered ${rerendered} posts with the current markdown renderer.`);
if (settings.SEED_DEMO_DATA !== "false" && (!production || settings.SEED_DEMO_DATA === "true")) {
  const seeded = await seedDemoDataIfEmpty(handle.db, { onSeeding: () => console.log("First start on an empty database: seeding the demo community (under a minute)…") });
  if (seeded) console.log(`Seeded demo data: ${seeded.users} users, ${seeded.questions} questions, ${seeded.answers} answers.`);
}

// The word-rarity snapshot behind ask-time suggestions: rebuilt when a day old, then daily.
const refreshSearchStatisticsIfStale = async () => {
  const age = await searchStatisticsAge(handle.db);
  if (!age || Date.now() - age.refreshedAt.getTime() > DAY_MS) await refreshSearchStatistics(handle.db);
};
console.log("Preparing search…");
await refreshSearchStatisticsIfStale();
setInterval(() => refreshSearchStatisticsIfStale().catch((error) => console.error("search statistics refresh failed:", error)), DAY_MS / 24).unref();

// Anti-gaming: serial voting is looked for daily (each run looks back further than a day).
const detectSerialVotes = () =>
  reverseSerialVotes(handle.db)
    .then((found) => found.length > 0 && console.log(`Serial voting: reversed votes for ${found.length} voter/author pair(s).`))
    .catch((error) => console.error("serial-voting detection failed:", error));
setInterval(detectSerialVotes, DAY_MS).unref();

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
// Node closes an idle keep-alive connection after 5 s; a client (or a proxy in front of us) that
// reuses it at that moment gets ECONNRESET on a request it never saw answered. Idle connections
// are kept longer than the usual proxy idle timeout (60 s), so the client always closes first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

async function shutdown() {
  server.close();
  await handle.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
