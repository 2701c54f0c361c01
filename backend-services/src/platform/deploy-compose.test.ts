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

  it('Caddy asks the backend before an on-demand certificate, compresses, and keeps event streams unbuffered', () => {
    const caddy = fs.readFileSync(path.join(ROOT, 'deploy/Caddyfile'), 'utf8');
    expect(caddy).toMatch(/ask http:\/\/backend-1:4000\/api\/tls\/ask/);
    expect(caddy).toMatch(/on_demand/);
    expect(caddy).toMatch(/encode zstd gzip/);
    expect(caddy).toMatch(/flush_interval -1/);
    expect(caddy).toMatch(/health_uri \/api\/health\/ready/);
  });
});
