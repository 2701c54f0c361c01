import { ZBranding, type TBrandingImageResponse } from '@wisp/shared';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/http/app-error.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { safeBrandingOf, withoutNulls } from '../tenants/tenant.views.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import {
  BrandingAssetModel,
  BrandingDraftModel,
  type TBrandingAssetDoc,
  type TBrandingDraftDoc,
} from './branding.model.ts';
import { variantsOf, type ImageKind, type Variant } from './branding-images.ts';
import { getDraft, writeDraft } from './branding.service.ts';

const ASSET_FILE = /^[a-f0-9]{32}\.png$/;

export const assetUrl = (tenant: TTenantDoc, v: Pick<Variant, 'hash'>) =>
  `/api/tenant/${String(tenant._id)}/branding/assets/${v.hash}.png`;

async function storeVariant(tenant: TTenantDoc, v: Variant): Promise<string> {
  try {
    await BrandingAssetModel.create({
      _id: `${String(tenant._id)}:${v.hash}.png`,
      tenantId: tenant._id,
      contentType: v.contentType,
      data: v.data,
      createdAt: new Date(),
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err; // the same image again: already stored
  }
  return assetUrl(tenant, v);
}

/** Which draft fields each variant fills. */
const FIELD_OF: Record<string, 'url' | 'emailUrl' | 'favicon' | 'touchIcon' | 'icon512'> = {
  header: 'url',
  email: 'emailUrl',
  icon32: 'favicon',
  icon180: 'touchIcon',
  icon512: 'icon512',
};

/**
 * An uploaded logo or favicon: checked and resized first (a refused file leaves nothing behind), then
 * the variants are stored and the DRAFT points at them; publishing makes them live.
 */
export async function uploadImage(
  ctx: AccessContext,
  kind: ImageKind,
  file: Buffer | undefined,
): Promise<TBrandingImageResponse> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  if (!file) throw AppError.validation({ file: 'Choose an image to upload.' });
  const variants = await variantsOf(kind, file);
  const uploaded: Record<string, string> = {};
  for (const v of variants) uploaded[v.name] = await storeVariant(ctx.tenant, v);
  const doc = await BrandingDraftModel.findById(ctx.tenant._id).lean<TBrandingDraftDoc>();
  const branding = ZBranding.parse(withoutNulls(doc?.branding ?? ctx.tenant.branding));
  for (const [name, url] of Object.entries(uploaded)) branding.logo[FIELD_OF[name]!] = url;
  await writeDraft(ctx, actor as StaffActor, branding);
  await recordAudit(
    actor as StaffActor,
    'branding.logo',
    { kind: 'branding', id: String(ctx.tenant._id), label: kind === 'logo' ? 'Logo' : 'Favicon' },
    `Uploaded a new ${kind} (draft)`,
  );
  return { ...(await getDraft(ctx)), uploaded };
}

/** A stored variant by its content address; public (the portal and emails show it), tenant-checked. */
export async function findAsset(tenant: TTenantDoc, file: string): Promise<TBrandingAssetDoc> {
  if (!ASSET_FILE.test(file)) throw AppError.notFound();
  const doc = await BrandingAssetModel.findById(`${String(tenant._id)}:${file}`).lean<TBrandingAssetDoc>();
  if (!doc || String(doc.tenantId) !== String(tenant._id)) throw AppError.notFound();
  // A lean read hands binary data back as BSON Binary, not a Buffer.
  const data = doc.data as Buffer | { buffer: Uint8Array };
  return { ...doc, data: Buffer.isBuffer(data) ? data : Buffer.from(data.buffer) };
}

/** The web app manifest of the live branding: name, colours and the favicon variants. */
export function webManifest(tenant: TTenantDoc) {
  const b = safeBrandingOf(tenant);
  const icons = [
    b.logo.touchIcon && { src: b.logo.touchIcon, sizes: '180x180', type: 'image/png' },
    b.logo.icon512 && { src: b.logo.icon512, sizes: '512x512', type: 'image/png' },
    b.logo.favicon && { src: b.logo.favicon, sizes: '32x32', type: 'image/png' },
  ].filter(Boolean);
  return {
    name: b.company.displayName,
    short_name: b.company.displayName.slice(0, 12),
    start_url: '/modules/customers/portal',
    scope: '/',
    display: 'standalone',
    theme_color: b.colors.primary,
    background_color: b.colors.background,
    icons,
  };
}
