import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { takeResponseChecks } from '../src/platform/openapi/responds.ts';
import { RESPONSE_CHECKS_LOG } from './response-checks-log.ts';

/**
 * Called when a test file's app closes. Every JSON answer was parsed with its route's declared schema
 * (`platform/openapi/responds.ts`); a mismatch already answered 500 RESPONSE_SCHEMA to the test that
 * met it, and fails the file here too, so a test that ignores the status cannot let it pass.
 */
export function reportResponseChecks(): void {
  const { checked, mismatches } = takeResponseChecks();
  const file = expect.getState().testPath ?? 'unknown';
  mkdirSync(path.dirname(RESPONSE_CHECKS_LOG), { recursive: true });
  appendFileSync(RESPONSE_CHECKS_LOG, `${JSON.stringify({ file, checked, mismatches: mismatches.length })}\n`);
  if (mismatches.length) {
    const lines = mismatches.map((m) => `  ${m.route} → ${m.status}: ${m.problem}`);
    throw new Error(`Responses that break their declared schema:\n${lines.join('\n')}`);
  }
}
