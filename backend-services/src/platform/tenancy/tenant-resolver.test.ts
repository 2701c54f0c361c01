import { describe, expect, it } from 'vitest';
import { tenantLookupFor } from './tenant-resolver.ts';

describe('tenantLookupFor', () => {
  it('reads the subdomain of the platform domain', () => {
    expect(tenantLookupFor('prairiesky.wisptools.io', 'wisptools.io')).toEqual({
      by: 'subdomain',
      value: 'prairiesky',
    });
    expect(tenantLookupFor('PrairieSky.localhost', 'localhost')).toEqual({ by: 'subdomain', value: 'prairiesky' });
  });

  it('treats any other host as a custom domain', () => {
    expect(tenantLookupFor('support.prairiesky.example', 'wisptools.io')).toEqual({
      by: 'domain',
      value: 'support.prairiesky.example',
    });
  });

  it('on bare loopback needs an explicit, well-formed slug, and otherwise resolves nothing', () => {
    expect(tenantLookupFor('localhost', 'localhost', 'summitridge')).toEqual({ by: 'slug', value: 'summitridge' });
    expect(tenantLookupFor('127.0.0.1', 'localhost')).toBeNull();
    expect(tenantLookupFor('localhost', 'localhost', '../etc')).toBeNull();
  });

  it('rejects nested or malformed subdomains instead of guessing', () => {
    expect(tenantLookupFor('a.b.localhost', 'localhost')).toBeNull();
  });

  it('does not let the platform domain itself pose as a subdomain', () => {
    expect(tenantLookupFor('evilwisptools.io', 'wisptools.io')).toEqual({ by: 'domain', value: 'evilwisptools.io' });
  });
});
