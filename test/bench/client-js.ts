// What JavaScript each route makes the browser load, read from the Remix build's browser
// manifest (public/build/manifest-*.js). A page's <Scripts> emits a modulepreload or script
// for the entry module, its imports, and every matched route's module and imports (root and
// any parent layouts included), so that set, deduplicated, is what a visit to the route costs.
// Sizes are gzip level 9, which is close to what a compressing server or CDN sends.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };

const PUBLIC_DIR = fileURLToPath(new URL("../../public", import.meta.url));

export type RouteJs = { id: string; files: string[]; raw: number; gzip: number };

export function readManifest(publicDir = PUBLIC_DIR): Manifest {
  const buildDir = path.join(publicDir, "build");
  // The newest manifest, should an older build's files still be there.
  const name = readdirSync(buildDir)
    .filter((file) => /^manifest-[\w-]+\.js$/.test(file))
    .sort((a, b) => statSync(path.join(buildDir, b)).mtimeMs - statSync(path.join(buildDir, a)).mtimeMs)[0];
  if (!name) throw new Error(`no manifest-*.js in ${buildDir}; run \`npx remix build\` first`);
  const text = readFileSync(path.join(buildDir, name), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""));
}

/** The script URLs a page of this route loads: the entry, then root down to the route. */
export function filesForRoute(manifest: Manifest, routeId: string): string[] {
  const chain: ManifestRoute[] = [];
  for (let route: ManifestRoute | undefined = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    chain.unshift(route);
  }
  const files = [manifest.entry.module, ...manifest.entry.imports];
  for (const route of chain) files.push(route.module, ...(route.imports ?? []));
  return [...new Set(files)];
}

export function measureRoutes(publicDir = PUBLIC_DIR): RouteJs[] {
  const manifest = readManifest(publicDir);
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (url: string) => {
    let size = sizes.get(url);
    if (!size) {
      const bytes = readFileSync(publicFile(url, publicDir));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(url, size);
    }
    return size;
  };
  return Object.values(manifest.routes).map((route) => {
    const files = filesForRoute(manifest, route.id);
    const total = files.map(sizeOf).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 });
    return { id: route.id, files, ...total };
  });
}

/** The file behind a manifest URL such as /build/_shared/chunk-X.js. */
export function publicFile(url: string, publicDir = PUBLIC_DIR): string {
  return path.join(publicDir, url);
}
