import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../tools/stack/services.ts';

/** `docker compose` (the CLI plugin) or the standalone `docker-compose`, whichever this machine has. */
function composeCli(): string[] | undefined {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    try {
      execFileSync(cmd[0]!, [...cmd.slice(1), 'version'], { stdio: 'ignore' });
      return cmd;
    } catch {
      /* next */
    }
  }
  return undefined;
}

const cli = composeCli();
const env = {
  ...process.env,
  FIREBASE_PROJECT_ID: 'wisp-prod',
  FIREBASE_WEB_API_KEY: 'key',
  PLATFORM_DOMAIN: 'portal.example.net',
  PORTAL_URL_TEMPLATE: 'https://{tenant}.portal.example.net',
  SMTP_URL: 'smtp://mail:25',
  ACME_EMAIL: 'ops@example.net',
};

describe('the production compose file', () => {
  it.skipIf(!cli)(
    'validates with `docker compose config` (skipped with a message when no compose CLI is installed)',
    () => {
      execFileSync(cli![0]!, [...cli!.slice(1), 'config', '-q'], { cwd: ROOT, env, stdio: 'pipe' });
      const services = execFileSync(cli![0]!, [...cli!.slice(1), 'config', '--services'], { cwd: ROOT, env })
        .toString()
        .split('\n')
        .filter(Boolean)
        .sort();
      expect(services).toEqual(
        ['backend-1', 'backend-2', 'caddy', 'mongo-1', 'mongo-2', 'mongo-3', 'redis', 'web-1', 'web-2'].sort(),
      );
    },
  );
  if (!cli) console.warn('docker compose CLI not found: the compose validation test is skipped');

  it('Caddy asks either backend replica before an on-demand certificate, compresses, and keeps event streams unbuffered', () => {
    const caddy = fs.readFileSync(path.join(ROOT, 'deploy/Caddyfile'), 'utf8');
    // The ask goes to Caddy's own loopback site, which balances over both backends (one down still answers).
    expect(caddy).toMatch(/ask http:\/\/127\.0\.0\.1:5555\/api\/tls\/ask/);
    const askSite = /:5555 \{([\s\S]*?)\n\}/.exec(caddy)?.[1] ?? '';
    expect(askSite).toMatch(/bind 127\.0\.0\.1/);
    expect(askSite).toMatch(/reverse_proxy backend-1:4000 backend-2:4000/);
    expect(caddy).toMatch(/on_demand/);
    expect(caddy).toMatch(/encode zstd gzip/);
    expect(caddy).toMatch(/flush_interval -1/);
    expect(caddy).toMatch(/health_uri \/api\/health\/ready/);
  });

  it('the web image carries the production dependencies adapter-node leaves outside its bundle', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'deploy/web.Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/pnpm --filter @wisp\/module-manager deploy --prod --legacy \/deploy/);
    const runtime = dockerfile.split(/^FROM /m).at(-1) ?? '';
    expect(runtime).toMatch(/COPY --from=build \/deploy\/node_modules node_modules/);
    // What server/index.js and the built handler import at run time must be production dependencies.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'Module_Manager/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const server = fs.readFileSync(path.join(ROOT, 'Module_Manager/server/index.js'), 'utf8');
    const imported = [...server.matchAll(/from '([^'.][^']*)'/g)].map((m) =>
      m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!,
    );
    for (const name of imported.filter((n) => !n.startsWith('node:')))
      expect(Object.keys(pkg.dependencies), `${name} is imported by server/index.js`).toContain(name);
  });
});
