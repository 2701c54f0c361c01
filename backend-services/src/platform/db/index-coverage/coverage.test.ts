import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage.ts';
import { filterFields, shapesOf } from './query-shape.ts';

const indexes = [
  { collection: 'workorders', keys: ['tenantId', 'customerId', 'lastActivityAt'] },
  { collection: 'workorders', keys: ['tenantId', 'status', 'lastActivityAt'] },
  { collection: 'sessions', keys: ['absoluteExpiresAt'] },
  { collection: 'outboxmessages', keys: ['customerId', 'tenantId'] },
];

describe('query shapes', () => {
  it('keeps fields, drops values and operators, flattens $and', () => {
    expect(filterFields({ tenantId: 'x', status: { $in: ['open'] }, $and: [{ customerId: 'c' }] })).toEqual([
      'customerId',
      'status',
      'tenantId',
    ]);
  });

  it('reads find options and aggregate stages; inserts have no shape', () => {
    expect(shapesOf('workorders', 'find', [{ tenantId: 1 }, {}, { sort: { lastActivityAt: -1 } }])).toEqual([
      { collection: 'workorders', filter: ['tenantId'], sort: ['lastActivityAt'] },
    ]);
    expect(
      shapesOf('workorders', 'aggregate', [[{ $match: { tenantId: 1, status: 'open' } }, { $count: 'n' }]]),
    ).toEqual([{ collection: 'workorders', filter: ['status', 'tenantId'], sort: [] }]);
    expect(shapesOf('workorders', 'insertOne', [{ tenantId: 1 }])).toEqual([]);
  });

  it('a filter with $or is one shape per branch, each with the fields around it', () => {
    expect(
      shapesOf('sessions', 'deleteMany', [{ kind: 'staff', $or: [{ absoluteExpiresAt: 1 }, { lastSeenAt: 1 }] }]),
    ).toEqual([
      { collection: 'sessions', filter: ['absoluteExpiresAt', 'kind'], sort: [] },
      { collection: 'sessions', filter: ['kind', 'lastSeenAt'], sort: [] },
    ]);
  });
});

describe('index coverage', () => {
  const shape = (collection: string, filter: string[]) => ({ collection, filter, sort: [] });

  it('a tenant query is served by an index that starts with the tenant and the next field', () => {
    expect(coverageOf(shape('workorders', ['customerId', 'tenantId']), indexes).index).toEqual([
      'tenantId',
      'customerId',
      'lastActivityAt',
    ]);
    expect(coverageOf(shape('workorders', ['status', 'tenantId', 'priority']), indexes).index).toEqual([
      'tenantId',
      'status',
      'lastActivityAt',
    ]);
  });

  it('the tenant alone is not enough when the query names more fields no index leads with', () => {
    const row = coverageOf(shape('workorders', ['assignedTo', 'tenantId']), indexes);
    expect(row.index).toBeNull();
    expect(row.reason).toMatch(/uses 1 of 2/);
  });

  it('an index that does not start with the tenant does not serve a tenant query', () => {
    expect(coverageOf(shape('outboxmessages', ['customerId', 'tenantId']), indexes).index).toBeNull();
  });

  it('a filter on _id is always served; no filter at all never is', () => {
    expect(coverageOf(shape('anything', ['_id']), []).index).toEqual(['_id']);
    expect(coverageOf(shape('anything', ['_id', 'tenantId']), []).index).toEqual(['_id']);
    expect(coverageOf(shape('workorders', []), indexes).index).toBeNull();
  });

  it('a query across tenants (a sweep) is served by an index that leads with one of its fields', () => {
    expect(coverageOf(shape('sessions', ['absoluteExpiresAt']), indexes).index).toEqual(['absoluteExpiresAt']);
    expect(coverageOf(shape('sessions', ['absoluteExpiresAt', 'kind']), indexes).index).toEqual(['absoluteExpiresAt']);
    expect(coverageOf(shape('sessions', ['lastSeenAt']), indexes).index).toBeNull();
  });

  it('naming every key of a unique index pins one document, whatever else the filter names', () => {
    const unique = [{ collection: 'customers', keys: ['portalAccess.firebaseUid'], unique: true }];
    expect(coverageOf(shape('customers', ['portalAccess.firebaseUid', 'tenantId']), unique).index).toEqual([
      'portalAccess.firebaseUid',
    ]);
    expect(coverageOf(shape('customers', ['email', 'tenantId']), unique).index).toBeNull();
  });
});
