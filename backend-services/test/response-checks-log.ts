import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where each API test file adds its count; the global set-up empties it and sums it at the end of a run. */
export const RESPONSE_CHECKS_LOG = path.join(import.meta.dirname, '..', '.data', 'response-checks.jsonl');

export function forgetResponseChecks(): void {
  rmSync(RESPONSE_CHECKS_LOG, { force: true });
}

/** One line for the end of a run: how many answers were checked against their schemas, in how many files. */
export function summarizeResponseChecks(): string | null {
  if (!existsSync(RESPONSE_CHECKS_LOG)) return null;
  const rows = readFileSync(RESPONSE_CHECKS_LOG, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; checked: number; mismatches: number });
  const sum = (key: 'checked' | 'mismatches') => rows.reduce((n, r) => n + r[key], 0);
  const files = new Set(rows.map((r) => r.file)).size;
  return `Response schemas: ${sum('checked')} JSON answers checked in ${files} API test files, ${sum('mismatches')} mismatches.`;
}
