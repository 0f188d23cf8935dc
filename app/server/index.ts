// The HTTP server. The first process opens (and migrates) the database, seeds demo data on the
// first start of an empty database and runs the timed jobs; then it serves, or, with
// WEB_CONCURRENCY=N on PostgreSQL, starts N worker processes that share the port and serve.
import cluster from "node:cluster";
import path from "node:path";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { config } from "../config.server";
import { seedDemoDataIfEmpty } from "../seed/seed-if-empty";
import { deliverPendingEmails, folderTransport, smtpTransport } from "../services/email.server";
import { sendDueDigests } from "../services/email-notifications.server";
import { climbLadder } from "../services/escalation.server";
import { rerenderStalePosts } from "../services/maintenance.server";
import { refreshSearchStatistics, searchStatisticsAge } from "../services/search/index.server";
import { reverseSerialVotes } from "../services/serial-voting.server";
import { SharedReads } from "../services/shared-reads.server";
import { createApp } from "./app";
import { PAGES_CHANGED_CHANNEL, PageCache } from "./page-cache";

installGlobals({ nativeFetch: true });

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often due digests are looked for: a digest goes out within this long of its day being up. */
const DIGEST_POLL_MS = 5 * 60 * 1000;
/** How often the escalation ladder moves questions up: a step comes within this long of its time. */
const LADDER_POLL_MS = 60 * 1000;
const settings = config();
const { production, root } = settings;
const started = Date.now();

const open = () =>
  openDatabase({
    url: settings.DATABASE_URL,
    directUrl: settings.DATABASE_DIRECT_URL,
    dataDir: settings.PGLITE_DATA_DIR,
    poolSize: settings.DATABASE_POOL_SIZE,
    preparedStatements: settings.DATABASE_PREPARE === "true",
  });

/** Migrations, re-rendering, demo data and search statistics: once, before anyone is served. */
async function prepareDatabase(): Promise<DatabaseHandle> {
  // The first start takes a while (migrations, then the demo community): say what is happening.
  console.log(settings.DATABASE_URL ? "Opening PostgreSQL and applying migrations…" : `Opening the embedded database in ${settings.PGLITE_DATA_DIR} and applying migrations…`);
  const handle = await open();
  const rerendered = await rerenderStalePosts(handle.db);
  if (rerendered > 0) console.log(`Re-rendered ${rerendered} posts with the current markdown renderer.`);
  if (settings.SEED_DEMO_DATA !== "false" && (!production || settings.SEED_DEMO_DATA === "true")) {
    const seeded = await seedDemoDataIfEmpty(handle.db, { onSeeding: () => console.log("First start on an empty database: seeding the demo community (under a minute)…") });
    if (seeded) console.log(`Seeded demo data: ${seeded.users} users, ${seeded.questions} questions, ${seeded.answers} answers.`);
  }
  const age = await searchStatisticsAge(handle.db);
  if (!age) {
    console.log("Preparing search…");
    await refreshSearchStatistics(handle.db);
  }
  return handle;
}

/** Timed work, run by the first process only. */
function startJobs(handle: DatabaseHandle) {
  // The word-rarity snapshot behind ask-time suggestions: rebuilt when a day old. Checked at start
  // in the background (a big forum takes seconds), then hourly.
  const refreshSearchStatisticsIfStale = async () => {
    const age = await searchStatisticsAge(handle.db);
    if (!age || Date.now() - age.refreshedAt.getTime() > DAY_MS) await refreshSearchStatistics(handle.db);
  };
  const refreshSearch = () => refreshSearchStatisticsIfStale().catch((error) => console.error("search statistics refresh failed:", error));
  void refreshSearch();
  setInterval(refreshSearch, DAY_MS / 24).unref();

  // Anti-gaming: serial voting is looked for daily (each run looks back further than a day).
  const detectSerialVotes = () =>
    reverseSerialVotes(handle.db)
      .then((found) => found.length > 0 && console.log(`Serial voting: reversed votes for ${found.length} voter/author pair(s).`))
      .catch((error) => console.error("serial-voting detection failed:", error));
  setInterval(detectSerialVotes, DAY_MS).unref();

  // Email delivery from the outbox table (safe from any number of processes, if ever moved).
  const mailTransport = settings.SMTP_URL ? smtpTransport(settings.SMTP_URL) : folderTransport(settings.OUTBOX_DIR);
  const deliverEmail = () => deliverPendingEmails(handle.db, mailTransport).catch((error) => console.error("email delivery failed:", error));
  setInterval(deliverEmail, settings.EMAIL_POLL_MS).unref();
  console.log(`Email: ${mailTransport.describe}`);

  // The escalation ladder's clock: unanswered questions move up to experts, then to staff.
  const climb = () => climbLadder(handle.db).catch((error) => console.error("escalation ladder failed:", error));
  setInterval(climb, LADDER_POLL_MS).unref();

  // Daily digests: due ones are queued into the outbox above (safe from several processes too).
  const sendDigests = () => sendDueDigests(handle.db).catch((error) => console.error("digest emails failed:", error));
  setInterval(sendDigests, DIGEST_POLL_MS).unref();
  if (production && !settings.SMTP_URL) console.warn("Warning: NODE_ENV=production without SMTP_URL; emails go to the outbox folder only.");
}

async function serve(handle: DatabaseHandle) {
  const build = (await import(path.join(root, "build", "index.js"))) as ServerBuild;
  const pageCache = new PageCache({ maxBytes: settings.PAGE_CACHE_MB * 1024 * 1024, maxAgeMs: 60_000, production });
  const sharedReads = new SharedReads();
  // Every process empties its caches at each change, and after a reconnect (it may have missed some).
  await handle.listen(
    PAGES_CHANGED_CHANNEL,
    () => {
      pageCache.invalidate();
      sharedReads.changed();
    },
    () => {
      pageCache.invalidate();
      sharedReads.connected();
    },
  );
  const app = createApp({ build, db: handle.db, root, production, trustProxy: settings.TRUST_PROXY, pageCache, sharedReads });
  const server = app.listen(settings.PORT, () => {
    const who = cluster.isWorker ? `worker ${cluster.worker?.id}` : `${handle.driver}`;
    console.log(`Peerdesk listening on http://localhost:${settings.PORT} (${who}, ready in ${Date.now() - started} ms)`);
  });
  // Node closes an idle keep-alive connection after 5 s; a client (or a proxy in front of us) that
  // reuses it at that moment gets ECONNRESET on a request it never saw answered. Idle connections
  // are kept longer than the usual proxy idle timeout (60 s), so the client always closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const shutdown = async () => {
    server.close();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

/** How many serving processes: WEB_CONCURRENCY on PostgreSQL; one on the embedded database, whose files one process owns. */
function workerCount(): number {
  if (settings.WEB_CONCURRENCY > 1 && !settings.DATABASE_URL) {
    console.warn("WEB_CONCURRENCY is ignored on the embedded database: only one process can open its files. Set DATABASE_URL to run several.");
    return 1;
  }
  return settings.WEB_CONCURRENCY;
}

if (cluster.isWorker) {
  await serve(await open());
} else {
  const handle = await prepareDatabase();
  startJobs(handle);
  const workers = workerCount();
  if (workers === 1) {
    await serve(handle);
  } else {
    console.log(`Starting ${workers} worker processes…`);
    let stopping = false;
    for (let i = 0; i < workers; i++) cluster.fork();
    // A worker that dies is replaced, unless we are shutting down.
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      console.error(`Worker ${worker.id} exited (${signal ?? code}); starting another.`);
      cluster.fork();
    });
    const shutdown = async () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      await handle.close();
      process.exit(0);
    };
    process.on("SIGTERM", shutdown);
    process.on("SIGINT", shutdown);
  }
}
