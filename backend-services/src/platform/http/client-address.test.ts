import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../tools/stack/services.ts';
import { trustWebServerOnly } from './client-address.ts';

describe('trust proxy', () => {
  it('trusts only the immediate peer, and only when it is on loopback or a private network', () => {
    expect(trustWebServerOnly('127.0.0.1', 0)).toBe(true);
    expect(trustWebServerOnly('::ffff:172.18.0.3', 0)).toBe(true);
    expect(trustWebServerOnly('::1', 0)).toBe(true);
    expect(trustWebServerOnly('203.0.113.9', 0)).toBe(false);
    // A private address the client put further left in X-Forwarded-For is never a trusted hop.
    expect(trustWebServerOnly('10.0.0.5', 1)).toBe(false);
  });
});

describe('the production deployment', () => {
  const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

  it('the portal image takes the client address from the X-Forwarded-For the TLS proxy appends', () => {
    expect(read('deploy/web.Dockerfile')).toMatch(/ADDRESS_HEADER=x-forwarded-for\s+XFF_DEPTH=1/);
  });

  it('compose configures the same, and only Caddy is published: no client reaches a web replica directly', () => {
    const compose = read('docker-compose.yml');
    expect(compose).toContain('ADDRESS_HEADER: x-forwarded-for');
    expect(compose).toContain('XFF_DEPTH: ${XFF_DEPTH:-1}');
    // Each top-level service with a `ports:` list: only the TLS entry may be one (a web replica open to
    // clients could be sent any X-Forwarded-For and claim any address).
    const services = compose.split(/\n(?= {2}[a-z0-9-]+:\n)/);
    const published = services.filter((s) => /\n {4}ports:/.test(s)).map((s) => s.trim().split(':')[0]);
    expect(published).toEqual(['caddy']);
  });
});
