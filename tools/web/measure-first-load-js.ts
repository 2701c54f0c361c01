import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * First-load JS per portal page (gzip): fetches each page's HTML from a running portal, collects the
 * JS it loads (module preloads and imports), and sums the gzip size of those files from the build
 * output. Usage: node node_modules/tsx/dist/cli.mjs tools/web/measure-first-load-js.ts http://127.0.0.1:5173 prairiesky [cookie]
 * (Node cannot resolve *.localhost, so the tenant is named with `?tenant=`.)
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLIENT = path.join(ROOT, 'Module_Manager', '.svelte-kit', 'output', 'client');
const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const tenant = process.argv[3] ?? 'prairiesky';
const cookie = process.argv[4];
const PAGES = [
  '',
  '/login',
  '/signup',
  '/forgot-password',
  '/reset-password?oobCode=x',
  '/verify-email?oobCode=x',
  '/dashboard',
  '/no-such-page',
];

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The page's JS: the entry files in its HTML plus everything they import statically. */
function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.pop()!;
    if (seen.has(rel)) continue;
    const file = path.join(CLIENT, rel);
    if (!fs.existsSync(file)) continue;
    seen.add(rel);
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(rel), m[1]!));
    }
  }
  return seen;
}

let total = 0;
console.log('page'.padEnd(34), 'files', 'gzip KB');
for (const p of PAGES) {
  const url = new URL(`${base}/modules/customers/portal${p}`);
  url.searchParams.set('tenant', tenant);
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const html = await res.text();
  const refs = [...html.matchAll(/(?:href|import\()\s*=?\s*["']([^"']*_app\/immutable\/[^"']+\.js)["']/g)].map((m) =>
    m[1]!.replace(/^.*?_app\//, '_app/'),
  );
  // The page's route nodes (layouts + page) are listed in the inline hydration data as `node_ids`.
  const nodeIds = (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const nodeFiles = fs.readdirSync(path.join(CLIENT, '_app/immutable/nodes')).filter((f) => f.endsWith('.js'));
  for (const id of nodeIds) {
    const file = nodeFiles.find((f) => f.startsWith(`${id}.`));
    if (file) refs.push(`_app/immutable/nodes/${file}`);
  }
  const files = closure([...new Set(refs)]);
  const bytes = [...files].reduce((n, f) => n + gzipSize(path.join(CLIENT, f)), 0);
  total = Math.max(total, bytes);
  console.log(
    `${p || '/ (landing)'} [${res.status}]`.padEnd(34),
    String(files.size).padStart(5),
    (bytes / 1024).toFixed(1).padStart(7),
  );
}
console.log(`largest first load: ${(total / 1024).toFixed(1)} KB gzip`);
