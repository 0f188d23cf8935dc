// `npm start` builds only when the build is missing or older than the sources it is made from, so
// a restart of an unchanged checkout serves in seconds rather than waiting for a rebuild. Plain
// JavaScript: it runs before anything else and should cost milliseconds, not a TypeScript loader.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = path.join(root, "build", "index.js");

/** The newest modification time among the files under a folder (or of one file). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((latest, name) => Math.max(latest, newest(path.join(target, name))), stat.mtimeMs);
}

const sources = ["app", "public/favicon.svg", "remix.config.js", "tsconfig.json", "package-lock.json"].map((name) => path.join(root, name));
const stale = !existsSync(built) || !existsSync(path.join(root, "public", "build")) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log("Building the app (the sources changed since the last build)…");
  const result = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? 1);
}
