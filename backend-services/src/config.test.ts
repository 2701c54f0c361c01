import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const valid = { MONGODB_URI: 'mongodb://127.0.0.1:27017/wisp', FIREBASE_PROJECT_ID: 'demo-wisp-portal' };

describe('configuration from the environment', () => {
  it('accepts a minimal valid environment and fills defaults', () => {
    const config = parseConfig(valid);
    expect(config.PORT).toBe(4000);
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.SESSION_ABSOLUTE_HOURS).toBe(12);
  });

  it('names the missing variable', () => {
    expect(() => parseConfig({ FIREBASE_PROJECT_ID: 'x' })).toThrowError(/MONGODB_URI/);
  });

  it('names a malformed variable and says what is expected', () => {
    expect(() => parseConfig({ ...valid, MONGODB_URI: 'postgres://x/y' })).toThrowError(/MONGODB_URI must be a mongodb:\/\/ URI/);
    expect(() => parseConfig({ ...valid, SESSION_IDLE_MINUTES: 'soon' })).toThrowError(ConfigError);
    expect(() => parseConfig({ ...valid, SMTP_URL: 'http://mail' })).toThrowError(/SMTP_URL/);
  });
});

describe('starting the server with a bad environment', () => {
  it('exits non-zero with one line naming the variable, before connecting anywhere', async () => {
    const run = promisify(execFile);
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
    const env = { PATH: process.env.PATH ?? '', MONGODB_URI: 'not-a-uri', FIREBASE_PROJECT_ID: 'demo-x' };
    const error = await run(process.execPath, [tsx, 'src/server.ts'], { cwd: path.resolve(import.meta.dirname, '..'), env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr.trim().split('\n')).toHaveLength(1);
    expect(error?.stderr).toMatch(/^Invalid configuration: MONGODB_URI/);
  });
});
