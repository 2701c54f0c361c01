import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { ROOT, startAuthEmulator, startFerretDb } from '../stack/services.ts';
import { startMailSink } from '../stack/mail-sink.ts';
import { installExitHandlers } from '../stack/processes.ts';
import { portsFor } from '../stack/ports.ts';
import { appEnvFor, buildWeb, runSeed, startBackend, startWeb } from '../stack/app-processes.ts';

/**
 * `pnpm bench:web`: Lighthouse 12.8 (mobile) on the main portal and desk pages of a freshly built and
 * seeded stack of its own, signed in where the page needs it, and one table of the four scores plus
 * the load figures that matter on a weak link (LCP, TBT, CLS, bytes). Not part of the test command:
 * ~20 s a page.
 */
const ports = portsFor('test', {
  FERRETDB_PORT: process.env.FERRETDB_PORT ?? '27411',
  AUTH_EMULATOR_PORT: process.env.AUTH_EMULATOR_PORT ?? '9511',
  SMTP_PORT: process.env.SMTP_PORT ?? '2911',
  BACKEND_PORT: process.env.BACKEND_PORT ?? '4411',
  WEB_PORT: process.env.WEB_PORT ?? '4481',
});
const TENANT = 'prairiesky';
const CUSTOMER = { identifier: 'maria.hansen.1@prairiesky-customers.example', password: 'Portal-Demo-2026' };
const STAFF = { email: 'dale@prairiesky.example', password: 'Portal-Demo-2026' };
const origin = `http://${TENANT}.localhost:${ports.web}`;
const portal = (p: string) => `${origin}/modules/customers/portal${p}`;

const PAGES: { name: string; url: string; as: 'anonymous' | 'customer' | 'staff' }[] = [
  { name: 'portal sign-in', url: portal('/login'), as: 'anonymous' },
  { name: 'portal dashboard', url: portal('/dashboard'), as: 'customer' },
  { name: 'portal tickets', url: portal('/tickets'), as: 'customer' },
  { name: 'portal new ticket', url: portal('/tickets/new'), as: 'customer' },
  { name: 'portal service', url: portal('/service'), as: 'customer' },
  { name: 'portal status', url: portal('/status'), as: 'customer' },
  { name: 'portal FAQ', url: portal('/support/faq'), as: 'customer' },
  { name: 'staff dashboard', url: `${origin}/dashboard`, as: 'staff' },
  { name: 'desk queue', url: `${origin}/modules/maintain`, as: 'staff' },
  { name: 'customer module', url: `${origin}/modules/customers`, as: 'staff' },
];

const stops: (() => Promise<void>)[] = [];
const stopAll = async () => {
  for (const stop of stops.reverse()) await stop();
};
installExitHandlers(stopAll);

/** Writes need the double-submit CSRF pair, as the portal's own forms send it. */
async function csrfHeaders(backend: string): Promise<Record<string, string>> {
  const res = await fetch(`${backend}/api/session/csrf`, { headers: { 'x-forwarded-host': `${TENANT}.localhost` } });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    'content-type': 'application/json',
    'x-forwarded-host': `${TENANT}.localhost`,
    'x-csrf-token': csrfToken,
    cookie: cookiesOf(res),
  };
}

/** The session cookie the backend sets for a customer who signs in with their password. */
async function customerCookie(backend: string): Promise<string> {
  const res = await fetch(`${backend}/api/customer-portal/auth/login`, {
    method: 'POST',
    headers: await csrfHeaders(backend),
    body: JSON.stringify(CUSTOMER),
  });
  if (!res.ok) throw new Error(`customer sign-in failed: ${res.status} ${await res.text()}`);
  return cookiesOf(res);
}

/** A staff session: the emulator's ID token for the seeded staff member, traded at the backend. */
async function staffCookie(backend: string): Promise<string> {
  const signIn = await fetch(
    `http://127.0.0.1:${ports.auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=any`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...STAFF, returnSecureToken: true }),
    },
  );
  const { idToken } = (await signIn.json()) as { idToken: string };
  const res = await fetch(`${backend}/api/staff/auth/session`, {
    method: 'POST',
    headers: await csrfHeaders(backend),
    body: JSON.stringify({ idToken }),
  });
  if (!res.ok) throw new Error(`staff sign-in failed: ${res.status} ${await res.text()}`);
  return cookiesOf(res);
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

type Row = Record<string, string>;

/** A signed-in page must answer as itself, not send Lighthouse to a sign-in page it would then score. */
async function assertSignedIn(url: string, cookie: string) {
  const u = new URL(url);
  // node:http, not fetch: fetch drops a Host header, and *.localhost does not resolve in Node.
  const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http
      .get({ host: '127.0.0.1', port: u.port, path: u.pathname, headers: { host: u.host, cookie } }, resolve)
      .on('error', reject),
  );
  res.resume();
  if (res.statusCode !== 200)
    throw new Error(`${u.pathname} answered ${res.statusCode} ${res.headers.location ?? ''} with the session cookie`);
}

try {
  console.log('Building the portal and starting a seeded stack for Lighthouse…');
  const dataDir = path.join(ROOT, '.data', 'bench-web-ferretdb');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const [ferret, auth, mail] = await Promise.all([
    startFerretDb({ port: ports.ferret, dataDir, quiet: true }),
    startAuthEmulator({ port: ports.auth, quiet: true }),
    startMailSink({ port: ports.smtp, dir: path.join(ROOT, '.data', 'bench-web-mail') }),
    Promise.resolve(buildWeb()),
  ]);
  stops.push(ferret.stop, auth.stop, mail.stop);
  const appEnv = appEnvFor(ports, 'bench_web');
  runSeed(appEnv);
  const backendProcess = await startBackend(appEnv, { quiet: true });
  stops.push(backendProcess.stop);
  const web = await startWeb(appEnv, { quiet: true });
  stops.push(web.stop);
  const backend = `http://127.0.0.1:${ports.backend}`;
  const cookies = { anonymous: '', customer: await customerCookie(backend), staff: await staffCookie(backend) };

  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  stops.push(async () => {
    chrome.kill();
  });
  for (const p of PAGES.filter((page) => page.as !== 'anonymous')) await assertSignedIn(p.url, cookies[p.as]);
  const only = process.env.BENCH_WEB_PAGES?.split(',');
  const rows: Row[] = [];
  for (const p of PAGES.filter((page) => !only || only.some((o) => page.name.includes(o)))) {
    process.stdout.write(`  ${p.name}… `);
    const result = await lighthouse(
      p.url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        formFactor: 'mobile',
        extraHeaders: cookies[p.as] ? { Cookie: cookies[p.as] } : undefined,
      },
      undefined,
    );
    const lhr = result!.lhr;
    const score = (id: string) => String(Math.round((lhr.categories[id]?.score ?? 0) * 100));
    const num = (id: string) => lhr.audits[id]?.numericValue ?? 0;
    if (lhr.finalDisplayedUrl !== p.url) console.log(`(landed on ${lhr.finalDisplayedUrl}) `);
    rows.push({
      page: p.name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best practices': score('best-practices'),
      SEO: score('seo'),
      LCP: `${(num('largest-contentful-paint') / 1000).toFixed(1)} s`,
      TBT: `${Math.round(num('total-blocking-time'))} ms`,
      CLS: num('cumulative-layout-shift').toFixed(3),
      transferred: `${Math.round(num('total-byte-weight') / 1024)} KB`,
    });
    console.log(`performance ${rows.at(-1)!.performance}`);
  }
  const header = Object.keys(rows[0]!);
  console.log(`\nLighthouse 12.8 (mobile, simulated slow 4G), ${TENANT}:\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${header.map((h) => r[h]).join(' | ')} |`);
} catch (err) {
  console.error(`\n✖ ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
process.exit();
