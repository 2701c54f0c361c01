import path from 'node:path';
import { ROOT, redisServerInstalled, startAuthEmulator, startFerretDb, startRedis } from './services.ts';
import { startMailSink } from './mail-sink.ts';
import { installExitHandlers, type Service } from './processes.ts';
import { portsFor } from './ports.ts';
import { appEnvFor, buildWeb, runSeed, startBackend, startWeb, type SeedSummary } from './app-processes.ts';

/** Starts the whole portal on the embedded stack, seeded, and keeps it running until Ctrl-C. */
const ports = portsFor('demo');
const services: { stop(): Promise<void> }[] = [];
const stopAll = async () => {
  for (const s of services.reverse()) await s.stop();
};
installExitHandlers(stopAll);

try {
  const dataDir = path.join(ROOT, '.data');
  const mailDir = path.join(dataDir, 'mail');
  console.log('Starting FerretDB, the Firebase Auth emulator (20–40 s) and the mail sink…');
  const [ferret, auth, mail] = await Promise.all([
    startFerretDb({ port: ports.ferret, dataDir: path.join(dataDir, 'ferretdb'), quiet: true }),
    startAuthEmulator({ port: ports.auth, quiet: true }),
    startMailSink({ port: ports.smtp, dir: mailDir }),
    Promise.resolve(buildWeb()),
  ]);
  services.push(ferret, auth, mail);
  // Redis when installed (scripts/demo.sh installs it), as production runs it; else in-process live updates.
  const redis = redisServerInstalled() ? await startRedis({ port: ports.redis, quiet: true }) : undefined;
  if (redis) services.push(redis);
  const appEnv = { ...appEnvFor(ports, 'wisp_portal'), redisUrl: redis?.url };
  const summary = runSeed(appEnv);
  services.push((await startBackend(appEnv, { quiet: true })) as Service);
  services.push((await startWeb(appEnv)) as Service);
  printWelcome(summary, ports.web, mailDir);
  await new Promise(() => {});
} catch (err) {
  console.error(`\n✖ ${(err as Error).message}`);
  await stopAll();
  process.exit(1);
}

function printWelcome(summary: SeedSummary, webPort: number, mailDir: string) {
  const lines = ['', '═══ WISP customer portal is running ═══', ''];
  for (const t of summary.tenants) {
    lines.push(`${t.name}`);
    lines.push(`  Portal:  http://${t.slug}.localhost:${webPort}/modules/customers/portal`);
    lines.push(`  Staff:   http://${t.slug}.localhost:${webPort}/staff/login`);
    for (const s of t.staffLogins) lines.push(`  Staff ${s.role === 'admin' ? 'admin' : 'member'}: ${s.email}`);
    for (const c of t.customerLogins)
      lines.push(`  Customer ${c.customerId}: ${c.email ?? '(no email)'}  or phone ${c.phone}  — ${c.note}`);
    lines.push(
      `  Sign-up example (no account yet): customer ID ${t.signupExample.customerId}, phone ${t.signupExample.phone}`,
    );
    lines.push('');
  }
  lines.push(`Password for every demo login: ${summary.password}`);
  lines.push(`Mail sent by the portal is written to ${path.relative(process.cwd(), mailDir)}/ as .eml files.`);
  lines.push(
    '(*.localhost resolves to this machine in Chromium, Firefox and curl. On bare localhost use ?tenant=<slug>.)',
  );
  lines.push('Press Ctrl-C to stop everything.', '');
  console.log(lines.join('\n'));
}
