import type { Summary } from './stats.ts';

type Measured = Summary & { roundTrips: number; byName: Record<string, number> };
export type Row = {
  endpoint: string;
  size: number;
  app: Measured;
  floor: Measured;
  /** The targets: throughput as a share of the floor's, p95 as a multiple of the floor's. */
  target?: { throughput: number; p95?: number };
};

const ms = (n: number) => `${Math.round(n)} ms`;

/** Prints the table and each target's verdict; returns 1 when a request failed (the figures are void). */
export function printReport(
  rows: Row[],
  run: { rounds: number; requests: number; connections: number; creates: number },
): number {
  console.log(
    `\n${run.connections} connections, ${run.rounds} interleaved rounds per endpoint ` +
      `(${run.requests} requests each; creates: ${run.creates})\n`,
  );
  const header = [
    'endpoint',
    'work orders',
    'app req/s',
    'floor req/s',
    'app/floor',
    'app p50/p95/p99',
    'floor p50/p95/p99',
    'p95 ×floor',
    'app db trips/req',
    'floor db trips/req',
    'target',
  ];
  const lines = rows.map((r) => {
    const ratio = r.floor.rps ? r.app.rps / r.floor.rps : 0;
    const p95x = r.floor.p95 ? r.app.p95 / r.floor.p95 : 0;
    return [
      r.endpoint,
      String(r.size),
      r.app.rps.toFixed(0),
      r.floor.rps.toFixed(0),
      ratio.toFixed(2),
      `${ms(r.app.p50)} / ${ms(r.app.p95)} / ${ms(r.app.p99)}`,
      `${ms(r.floor.p50)} / ${ms(r.floor.p95)} / ${ms(r.floor.p99)}`,
      p95x.toFixed(2),
      r.app.roundTrips.toFixed(1),
      r.floor.roundTrips.toFixed(1),
      verdict(r.target, ratio, p95x),
    ];
  });
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
  console.log('\nApp database commands per request:');
  for (const r of rows) {
    const parts = Object.entries(r.app.byName)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`);
    console.log(`  ${r.endpoint} @ ${r.size}: ${parts.join(', ')}`);
  }
  const failed = rows.filter((r) => r.app.errors || r.floor.errors);
  for (const r of failed)
    console.log(`✖ ${r.endpoint} @ ${r.size}: ${r.app.errors} app / ${r.floor.errors} floor requests failed`);
  return failed.length ? 1 : 0;
}

function verdict(target: Row['target'], ratio: number, p95x: number): string {
  if (!target) return '—';
  const wants = [`≥ ${target.throughput * 100}%`, ...(target.p95 ? [`p95 ≤ ${target.p95}×`] : [])].join(', ');
  const met = ratio >= target.throughput && (!target.p95 || p95x <= target.p95);
  return `${met ? '✔ met' : '✖ not met'} (${wants})`;
}
