import { describe, expect, it } from 'vitest';
import { customerTicketsPath } from './api-paths.ts';

describe('customerTicketsPath', () => {
  it('names a ticket, its parts and the live events below the customer', () => {
    expect(customerTicketsPath('PSW-1001')).toBe('/api/work-orders/customer/PSW-1001');
    expect(customerTicketsPath('PSW-1001', 't1', 'attachments', 'a1')).toBe(
      '/api/work-orders/customer/PSW-1001/t1/attachments/a1',
    );
  });
  it('encodes every segment, so an id can never climb out of its place', () => {
    expect(customerTicketsPath('a/b', '../x', 'read')).toBe('/api/work-orders/customer/a%2Fb/..%2Fx/read');
  });
});
