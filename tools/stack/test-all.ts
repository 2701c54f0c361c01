import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, redisServerInstalled, startAuthEmulator, startFerretDb, startRedis } from './services.ts';
import { startMailSink } from './mail-sink.ts';
import { installExitHandlers } from './processes.ts';
import { authEmulatorPorts, backendTestWorkers, portsFor } from './ports.ts';
import { appEnvFor, buildWeb, buildWebArgs, runSeed, startBackend, startWeb } from './app-processes.ts';

/**
 * Runs every test once: unit and API tests of each package (vitest), then Playwright e2e against the
 * built, seeded portal. FerretDB and the Auth emulator start once for the whole run. Prints one
 * `N passed, N failed` line and exits non-zero if anything failed or could not run.
 */
const ports = portsFor('test');
// `--e2e` runs only the Playwright suite; any other arguments go to Playwright (e.g. a spec file or --grep).
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e');
const playwrightArgs = args.filter((a) => a !== '--e2e');
const results = path.join(ROOT, '.data', 'test-results');
const stops: (() => Promise<void>)[] = [];
const stopAll = async () => {
  for (const stop of stops.reverse()) await stop();
};
installExitHandlers(stopAll);

type Tally = { suite: string; passed: number; failed: number; skipped: number; ok: boolean };
const tallies: Tally[] = [];

/**
 * Runs a command to its end. With `capture`, its output is held and printed as one block when it ends,
 * so a step running beside the backend suite does not interleave its lines with that suite's.
 */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  capture?: string,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const held: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => held.push(d));
    child.stderr?.on('data', (d: Buffer) => held.push(d));
    child.on('exit', (code) => {
      if (capture) {
        const text = Buffer.concat(held).toString().trim();
        console.log(`\n── ${capture} (exit ${code ?? 1})${text ? `\n${text}` : ''}`);
      }
      resolve(code ?? 1);
    });
  });
}

async function vitest(pkg: string, env: NodeJS.ProcessEnv = {}, capture = false) {
  const out = path.join(results, `${pkg}.json`);
  fs.rmSync(out, { force: true });
  const cwd = path.join(ROOT, pkg);
  const code = await run(
    process.execPath,
    [
      path.join(cwd, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${out}`,
    ],
    cwd,
    env,
    capture ? `${pkg} (vitest)` : undefined,
  );
  const report = fs.existsSync(out)
    ? (JSON.parse(fs.readFileSync(out, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
        numTotalTests: number;
      })
    : null;
  tallies.push({
    suite: `${pkg} (vitest)`,
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests : 1,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    ok: code === 0 && !!report && report.numTotalTests > 0,
  });
}

/** A check that is not a test suite but must pass: counted as one passed or failed check. */
async function staticCheck(name: string, command: string, args: string[]) {
  const code = await run(command, args, ROOT, {}, name);
  tallies.push({ suite: name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, ok: code === 0 });
}

async function playwright(env: NodeJS.ProcessEnv) {
  const out = path.join(results, 'e2e.json');
  fs.rmSync(out, { force: true });
  const cwd = path.join(ROOT, 'Module_Manager');
  const code = await run(
    process.execPath,
    [path.join(cwd, 'node_modules/@playwright/test/cli.js'), 'test', ...playwrightArgs],
    cwd,
    env,
  );
  const report = fs.existsSync(out)
    ? (JSON.parse(fs.readFileSync(out, 'utf8')) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      })
    : null;
  tallies.push({
    suite: 'Module_Manager (playwright e2e)',
    passed: report ? report.stats.expected + report.stats.flaky : 0,
    failed: report ? report.stats.unexpected : 1,
    skipped: report?.stats.skipped ?? 0,
    ok: code === 0 && !!report && report.stats.expected > 0,
  });
}

let exitCode = 0;
try {
  fs.mkdirSync(results, { recursive: true });
  const started = Date.now();
  const dataDir = path.join(ROOT, '.data', 'test-ferretdb');
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log('Starting FerretDB, Redis and the Firebase Auth emulator for the whole run…');
  // The multi-process suites need Redis; scripts/test.sh installs it (apt-get) like Chromium.
  if (!redisServerInstalled()) throw new Error('redis-server is missing: apt-get install -y redis-server');
  // One Auth emulator per backend test worker; the first also serves the e2e run.
  const authPorts = authEmulatorPorts(ports.auth, e2eOnly ? 1 : backendTestWorkers());
  const [ferret, redis, ...emulators] = await Promise.all([
    startFerretDb({ port: ports.ferret, dataDir, quiet: true }),
    startRedis({ port: ports.redis, quiet: true }),
    ...authPorts.map((port) => startAuthEmulator({ port, quiet: true })),
  ]);
  stops.push(ferret.stop, redis.stop, ...emulators.map((e) => e.stop));
  console.log(`Services ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const stackEnv = {
    TEST_MONGODB_BASE_URI: `mongodb://127.0.0.1:${ports.ferret}`,
    TEST_AUTH_EMULATOR_HOSTS: authPorts.map((port) => `127.0.0.1:${port}`).join(','),
    TEST_REDIS_URL: redis.url,
  };

  // The backend's API suite waits mostly on FerretDB and the emulators, so the CPU-bound steps (type check,
  // lint, format, the other unit suites, the portal build) run beside it; their output comes in blocks.
  const sideSteps = async () => {
    await staticCheck('typecheck (tsc + svelte-check)', 'pnpm', ['-r', 'typecheck']);
    await staticCheck('lint (eslint)', process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.']);
    await staticCheck('format (prettier --check)', process.execPath, [
      path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'),
      '--check',
      '--log-level',
      'warn',
      '.',
    ]);
    await vitest('shared', {}, true);
    await vitest('Module_Manager', {}, true);
    const built = await run(process.execPath, buildWebArgs(), path.join(ROOT, 'Module_Manager'), {}, 'portal build');
    if (built !== 0) throw new Error('the portal build failed');
  };
  if (!e2eOnly) {
    console.log('Backend API suite, with the type check, lint, format, unit suites and portal build beside it…');
    // The API suite records every query shape the app sends; each must be served by a declared index.
    fs.rmSync(path.join(ROOT, '.data', 'query-shapes'), { recursive: true, force: true });
    const apiSuite = async () => {
      await vitest('backend-services', stackEnv);
      await staticCheck('index coverage (query shapes → indexes)', process.execPath, [
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        path.join(ROOT, 'backend-services/src/platform/db/index-coverage/check.cli.ts'),
      ]);
    };
    await Promise.all([apiSuite(), sideSteps()]);
  } else {
    console.log('\nBuilding the portal…');
    buildWeb();
  }

  console.log('\nStarting the portal on the seeded test database for e2e…');
  const mailDir = path.join(ROOT, '.data', 'test-mail');
  fs.rmSync(mailDir, { recursive: true, force: true });
  const mail = await startMailSink({ port: ports.smtp, dir: mailDir });
  stops.push(mail.stop);
  const appEnv = { ...appEnvFor(ports, 'e2e'), redisUrl: redis.url };
  runSeed(appEnv);
  const backend = await startBackend(appEnv, { quiet: true });
  stops.push(backend.stop);
  const web = await startWeb(appEnv, { quiet: true });
  stops.push(web.stop);
  await playwright({
    E2E_WEB_PORT: String(ports.web),
    E2E_MAIL_DIR: mailDir,
    E2E_AUTH_EMULATOR_HOST: `127.0.0.1:${ports.auth}`,
    E2E_BACKEND_URL: `http://127.0.0.1:${ports.backend}`,
  });
  console.log(`\nTotal wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (err) {
  console.error(`\n✖ ${(err as Error).message}`);
  tallies.push({ suite: 'test harness', passed: 0, failed: 1, skipped: 0, ok: false });
} finally {
  await stopAll();
}

console.log('');
// Steps ran side by side: print them in the order a reader expects, whatever order they finished in.
const ORDER = [
  'typecheck',
  'lint',
  'format',
  'shared',
  'backend-services',
  'index coverage',
  'Module_Manager (vitest)',
  'Module_Manager (playwright',
];
const rank = (t: Tally) => {
  const i = ORDER.findIndex((prefix) => t.suite.startsWith(prefix));
  return i === -1 ? ORDER.length : i;
};
tallies.sort((a, b) => rank(a) - rank(b));
for (const t of tallies) {
  console.log(
    `${t.ok ? '✔' : '✖'} ${t.suite}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`,
  );
  if (!t.ok) exitCode = 1;
}
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode || (failed ? 1 : 0));
