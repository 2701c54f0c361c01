import type { QueryShape } from './query-shape.ts';

/** An index as a model declares it: its keys in order. `_id` is always there. */
export type DeclaredIndex = { collection: string; keys: string[]; unique?: boolean };

export type ShapeCoverage = QueryShape & { index: string[] | null; reason?: string };

/**
 * Whether MongoDB can answer a shape from a declared index: the index's leading keys must be fields the
 * query filters on — at least the first two, or all of them when it filters on fewer — and on a tenant's
 * collection an index that serves a tenant-scoped query starts with `tenantId`. A filter on `_id` is
 * always served, and so is one naming every key of a unique index. A query across tenants (a sweep)
 * needs an index that leads with one of its fields. Sorts are reported, not required (the filtered set per tenant is small).
 */
export function coverageOf(shape: QueryShape, indexes: DeclaredIndex[]): ShapeCoverage {
  const { filter } = shape;
  // An equality on `_id` (what hot reads use, the tenant and owner then checked in code) is always indexed.
  if (filter.includes('_id')) return { ...shape, index: ['_id'] };
  if (filter.length === 0) return { ...shape, index: null, reason: 'reads the whole collection' };
  // A tenant's query needs the tenant and one more field; a query across tenants (a sweep) its first field.
  const needed = filter.includes('tenantId') ? Math.min(filter.length, 2) : 1;
  const own = indexes.filter((i) => i.collection === shape.collection);
  // A unique index whose every key the query names pins one document, the tenant checked beside it.
  const pinned = own.find((i) => i.unique && i.keys.every((k) => filter.includes(k)));
  if (pinned) return { ...shape, index: pinned.keys };
  let best: { keys: string[]; prefix: number } | undefined;
  for (const index of own) {
    if (filter.includes('tenantId') && index.keys[0] !== 'tenantId') continue;
    let prefix = 0;
    while (prefix < index.keys.length && filter.includes(index.keys[prefix]!)) prefix++;
    if (!best || prefix > best.prefix) best = { keys: index.keys, prefix };
  }
  if (best && best.prefix >= needed) return { ...shape, index: best.keys };
  return {
    ...shape,
    index: null,
    reason: best?.prefix ? `best index ${best.keys.join(',')} uses ${best.prefix} of ${filter.length}` : 'no index',
  };
}

/** The table printed after the API suite: one row per shape, the uncovered first. */
export function coverageTable(rows: ShapeCoverage[]): string {
  const sorted = [...rows].sort(
    (a, b) => Number(Boolean(a.index)) - Number(Boolean(b.index)) || a.collection.localeCompare(b.collection),
  );
  const line = (r: ShapeCoverage) =>
    `${r.index ? '  ' : '✖ '}${r.collection.padEnd(24)} {${r.filter.join(', ')}}${r.sort.length ? ` sort {${r.sort.join(', ')}}` : ''} → ${
      r.index ? `{${r.index.join(', ')}}` : `none (${r.reason})`
    }`;
  return sorted.map(line).join('\n');
}
