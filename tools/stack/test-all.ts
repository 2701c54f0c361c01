import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, redisServerInstalled, startAuthEmulator, startFerretDb, startRedis } from './services.ts';
import { startMailSink } from './mail-sink.ts';
import { installExitHandlers } from './processes.ts';
import { authEmulatorPorts, backendTestWorkers, portsFor } from './ports.ts';
import { appEnvFor, buildWeb, runSeed, startBackend, startWeb } from './app-processes.ts';

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

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function vitest(pkg: string, env: NodeJS.ProcessEnv = {}) {
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
  const code = await run(command, args, ROOT);
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

  if (!e2eOnly) {
    await staticCheck('typecheck (tsc + svelte-check)', 'pnpm', ['-r', 'typecheck']);
    await staticCheck('lint (eslint)', process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.']);
    await staticCheck('format (prettier --check)', process.execPath, [
      path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'),
      '--check',
      '--log-level',
      'warn',
      '.',
    ]);
    await vitest('shared');
    await vitest('backend-services', stackEnv);
    await vitest('Module_Manager');
  }

  console.log('\nBuilding the portal and starting it on the seeded test database for e2e…');
  buildWeb();
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
