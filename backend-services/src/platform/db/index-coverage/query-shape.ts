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

/** The shape of one mongoose operation as its debug hook reports it, or undefined when it reads nothing. */
export function shapeOf(collection: string, method: string, args: unknown[]): QueryShape | undefined {
  if (/^(insert|createIndex|ensureIndex|drop|listIndexes|bulkWrite)/i.test(method)) return undefined;
  if (method === 'aggregate') {
    const pipeline = (Array.isArray(args[0]) ? args[0] : []) as Record<string, unknown>[];
    const match = pipeline.find((stage) => '$match' in stage)?.$match;
    const sort = pipeline.find((stage) => '$sort' in stage)?.$sort;
    return { collection, filter: filterFields(match), sort: sortFields(sort) };
  }
  const options = args.find((a, i) => i > 0 && a && typeof a === 'object' && 'sort' in (a as object)) as
    { sort?: unknown } | undefined;
  return { collection, filter: filterFields(args[0]), sort: sortFields(options?.sort) };
}

export const shapeKey = (s: QueryShape) => `${s.collection}|${s.filter.join(',')}|${s.sort.join(',')}`;
