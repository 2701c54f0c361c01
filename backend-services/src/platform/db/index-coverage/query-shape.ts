/**
 * A query's shape: the collection, the fields it filters on and the fields it sorts by — what decides
 * whether MongoDB can answer it from an index. Values never matter, operators only as "this field".
 */
export type QueryShape = { collection: string; filter: string[]; sort: string[] };

/** Top-level filter fields, with `$and` flattened; `$or`/`$nor` branches each need their own index. */
export function filterFields(filter: unknown): string[] {
  if (!filter || typeof filter !== 'object') return [];
  const fields = new Set<string>();
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (key === '$and' && Array.isArray(value))
      for (const part of value) filterFields(part).forEach((f) => fields.add(f));
    else if (!key.startsWith('$')) fields.add(key);
  }
  return [...fields].sort();
}

export const sortFields = (sort: unknown): string[] =>
  sort && typeof sort === 'object' ? Object.keys(sort as Record<string, unknown>) : [];

/** A filter with `$or` is one shape per branch (each branch must find its own index), else itself. */
function branchesOf(filter: unknown): unknown[] {
  if (!filter || typeof filter !== 'object') return [filter];
  const { $or, ...rest } = filter as Record<string, unknown>;
  return Array.isArray($or) && $or.length ? $or.map((branch) => ({ ...rest, ...(branch as object) })) : [filter];
}

/** The shapes of one mongoose operation as its debug hook reports it; none when it reads nothing. */
export function shapesOf(collection: string, method: string, args: unknown[]): QueryShape[] {
  if (/^(insert|createIndex|ensureIndex|drop|listIndexes|bulkWrite)/i.test(method)) return [];
  let filter: unknown = args[0];
  let sort: unknown;
  if (method === 'aggregate') {
    const pipeline = (Array.isArray(args[0]) ? args[0] : []) as Record<string, unknown>[];
    filter = pipeline.find((stage) => '$match' in stage)?.$match;
    sort = pipeline.find((stage) => '$sort' in stage)?.$sort;
  } else {
    const options = args.find((a, i) => i > 0 && a && typeof a === 'object' && 'sort' in (a as object)) as
      { sort?: unknown } | undefined;
    sort = options?.sort;
  }
  return branchesOf(filter).map((branch) => ({ collection, filter: filterFields(branch), sort: sortFields(sort) }));
}

export const shapeKey = (s: QueryShape) => `${s.collection}|${s.filter.join(',')}|${s.sort.join(',')}`;
