// npm run size:js: per route, the gzip size of the JavaScript a page loads (after `npx remix build`).
import { measureRoutes } from "./client-js";

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows = measureRoutes().sort((a, b) => b.gzip - a.gzip);
const width = Math.max(...rows.map((row) => row.id.length));
console.log(`${"route".padEnd(width)}  files  raw KB  gzip KB`);
for (const row of rows) {
  console.log(`${row.id.padEnd(width)}  ${String(row.files.length).padStart(5)}  ${kb(row.raw).padStart(6)}  ${kb(row.gzip).padStart(7)}`);
}
