import type { TBranding, TBrandingVersionSummary } from '@wisp/shared';
import type { StaffActor } from '../platform/auth/actor.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { TenantModel, type TTenantDoc } from '../tenants/tenant.model.ts';
import { BrandingVersionModel, type TBrandingVersionDoc } from './branding.model.ts';

export function listVersionDocs(tenant: TTenantDoc): Promise<TBrandingVersionDoc[]> {
  return BrandingVersionModel.find({ tenantId: tenant._id }).sort({ version: -1 }).lean<TBrandingVersionDoc[]>();
}

export function findVersion(tenant: TTenantDoc, version: number): Promise<TBrandingVersionDoc | null> {
  return BrandingVersionModel.findOne({ tenantId: tenant._id, version }).lean<TBrandingVersionDoc>();
}

export function versionSummary(tenant: TTenantDoc, doc: TBrandingVersionDoc): TBrandingVersionSummary {
  return {
    version: doc.version,
    publishedAt: doc.publishedAt.toISOString(),
    publishedBy: doc.publishedBy?.email ? { email: doc.publishedBy.email } : null,
    restoredFrom: doc.restoredFrom ?? null,
    live: doc.version === tenant.brandingVersion,
  };
}

async function latestVersion(tenant: TTenantDoc): Promise<number> {
  const latest = await BrandingVersionModel.findOne({ tenantId: tenant._id })
    .sort({ version: -1 })
    .lean<TBrandingVersionDoc>();
  return latest?.version ?? 0;
}

/**
 * The first publish in the studio keeps what the tenant had before as version 1 (published by no one),
 * so the original look can always be restored. Two first publishes at once: one insert wins, fine.
 */
async function keepOriginal(tenant: TTenantDoc): Promise<void> {
  try {
    await BrandingVersionModel.create({
      tenantId: tenant._id,
      version: 1,
      branding: tenant.branding,
      publishedAt: (tenant as { updatedAt?: Date }).updatedAt ?? new Date(),
      publishedBy: null,
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/**
 * Inserts `branding` as the next version (the unique {tenantId, version} decides the number: on a
 * collision the next number is tried), then makes it live unless a newer version already is.
 */
export async function publishVersion(
  tenant: TTenantDoc,
  actor: StaffActor,
  branding: TBranding,
  restoredFrom: number | null,
): Promise<number> {
  let n = await latestVersion(tenant);
  if (n === 0) {
    await keepOriginal(tenant);
    n = 1;
  }
  for (let attempt = 0; ; attempt++) {
    n += 1;
    try {
      await BrandingVersionModel.create({
        tenantId: tenant._id,
        version: n,
        branding,
        publishedAt: new Date(),
        publishedBy: { uid: actor.uid, email: actor.email },
        restoredFrom,
      });
      break;
    } catch (err) {
      if (!isDuplicateKeyError(err) || attempt >= 50) throw err;
    }
  }
  // An older publish finishing late must not overwrite a newer one (on MongoDB this filter is atomic).
  await TenantModel.updateOne(
    { _id: tenant._id, $or: [{ brandingVersion: { $lt: n } }, { brandingVersion: { $exists: false } }] },
    { $set: { branding, brandingVersion: n } },
  );
  return n;
}
