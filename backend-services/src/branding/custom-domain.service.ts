import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import type { TCustomDomainResponse } from '@wisp/shared';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/http/app-error.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { TenantModel } from '../tenants/tenant.model.ts';
import { CustomDomainModel, type TCustomDomainDoc } from './custom-domain.model.ts';

export type DomainDeps = {
  /** host[:port] of the DNS server to ask; unset: the system's resolvers. */
  dnsServer?: string;
  /** What the domain must be a CNAME of. */
  cnameTarget: string;
  forgetTenant(tenantId: string): void;
};

export const txtNameOf = (domain: string) => `_wisp-verification.${domain}`;
const txtValueOf = (doc: TCustomDomainDoc) => `wisp-verification=${doc.token}`;

function view(doc: TCustomDomainDoc | null, deps: DomainDeps): TCustomDomainResponse {
  if (!doc) return { domain: null };
  return {
    domain: {
      name: doc._id,
      state: doc.state,
      records: {
        cname: { name: doc._id, value: deps.cnameTarget },
        txt: { name: txtNameOf(doc._id), value: txtValueOf(doc) },
      },
      checkedAt: doc.checkedAt?.toISOString() ?? null,
      problems: doc.problems ?? [],
    },
  };
}

const claimOf = (ctx: AccessContext) =>
  CustomDomainModel.findOne({ tenantId: ctx.tenant._id }).lean<TCustomDomainDoc>();
const target = (domain: string) => ({ kind: 'tenant' as const, id: domain, label: 'Custom domain' });

export async function getDomain(ctx: AccessContext, deps: DomainDeps): Promise<TCustomDomainResponse> {
  await requireAccess(ctx, 'branding.update');
  return view(await claimOf(ctx), deps);
}

/** The portal stops answering on its old domain at once when the admin names another. */
async function setTenantDomain(ctx: AccessContext, deps: DomainDeps, domain: string, active: boolean) {
  await TenantModel.updateOne(
    { _id: ctx.tenant._id },
    {
      $set: {
        domains: active ? [domain] : [],
        'branding.portal.customDomain': domain,
        'branding.portal.enableCustomDomain': active,
      },
    },
  );
  deps.forgetTenant(String(ctx.tenant._id));
}

/**
 * Claims `domain` for the tenant (pending, with a fresh verification token), replacing any earlier
 * claim. A domain another tenant claimed → 409 naming the field.
 */
export async function claimDomain(
  ctx: AccessContext,
  deps: DomainDeps,
  domain: string,
): Promise<TCustomDomainResponse> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  const current = await claimOf(ctx);
  if (current?._id === domain) return view(current, deps);
  const doc: TCustomDomainDoc = {
    _id: domain,
    tenantId: ctx.tenant._id,
    token: randomBytes(16).toString('hex'),
    state: 'pending',
    checkedAt: null,
    problems: [],
    createdAt: new Date(),
  };
  try {
    await CustomDomainModel.create(doc);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    throw new AppError('CONFLICT', 409, 'This domain is already used by another portal.', {
      domain: 'This domain is already used by another portal.',
    });
  }
  if (current) await CustomDomainModel.deleteOne({ _id: current._id });
  await setTenantDomain(ctx, deps, domain, false);
  await recordAudit(actor as StaffActor, 'branding.domain', target(domain), `Claimed ${domain} (pending)`);
  return view(doc, deps);
}

async function lookUp(deps: DomainDeps, doc: TCustomDomainDoc): Promise<string[]> {
  const resolver = new Resolver({ timeout: 2_000, tries: 1 });
  if (deps.dnsServer) resolver.setServers([deps.dnsServer]);
  const problems: string[] = [];
  const txt = await resolver.resolveTxt(txtNameOf(doc._id)).catch(() => [] as string[][]);
  if (!txt.some((chunks) => chunks.join('') === txtValueOf(doc)))
    problems.push(`No TXT record ${txtNameOf(doc._id)} with the value ${txtValueOf(doc)} was found.`);
  const cname = await resolver.resolveCname(doc._id).catch(() => [] as string[]);
  if (!cname.some((c) => c.toLowerCase().replace(/\.$/, '') === deps.cnameTarget.toLowerCase()))
    problems.push(
      `${doc._id} is not a CNAME of ${deps.cnameTarget}${cname.length ? ` (it points at ${cname.join(', ')})` : ''}.`,
    );
  return problems;
}

/** "Check now": looks the records up; both found → verified. A verified domain stays verified. */
export async function checkDomain(ctx: AccessContext, deps: DomainDeps): Promise<TCustomDomainResponse> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  const doc = await claimOf(ctx);
  if (!doc) throw AppError.validation({ domain: 'Name a domain first.' });
  const problems = await lookUp(deps, doc);
  const state = doc.state === 'pending' && problems.length === 0 ? 'verified' : doc.state;
  const checkedAt = new Date();
  await CustomDomainModel.updateOne({ _id: doc._id }, { $set: { state, problems, checkedAt } });
  if (state !== doc.state)
    await recordAudit(actor as StaffActor, 'branding.domain', target(doc._id), `Verified ${doc._id}`);
  return view({ ...doc, state, problems, checkedAt }, deps);
}

/** A verified domain goes live: the portal answers on it from the next request in every process. */
export async function activateDomain(ctx: AccessContext, deps: DomainDeps): Promise<TCustomDomainResponse> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  const doc = await claimOf(ctx);
  if (!doc || doc.state === 'pending')
    throw AppError.validation({ domain: 'The DNS records must be verified first (check now).' });
  await CustomDomainModel.updateOne({ _id: doc._id }, { $set: { state: 'active' } });
  await setTenantDomain(ctx, deps, doc._id, true);
  if (doc.state !== 'active')
    await recordAudit(actor as StaffActor, 'branding.domain', target(doc._id), `Activated ${doc._id}`);
  return view({ ...doc, state: 'active' }, deps);
}

/** Caddy's on-demand TLS `ask`: a certificate only for a domain whose records were verified. */
export async function mayIssueCertificate(domain: string): Promise<boolean> {
  const doc = await CustomDomainModel.findById(domain).lean<TCustomDomainDoc>();
  return doc?.state === 'verified' || doc?.state === 'active';
}
