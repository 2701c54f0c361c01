import {
  ZBranding,
  type TBranding,
  type TBrandingDraftResponse,
  type TBrandingPatch,
  type TBrandingVersionList,
  type TBrandingVersionResponse,
  type TPublicBrandingResponse,
} from '@wisp/shared';
import { checkContrast } from '@wisp/shared/branding/palette';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import type { StaffActor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/http/app-error.ts';
import { fieldErrors } from '../platform/http/validate.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reviewCustomCss, sanitizeCustomCss } from '../tenants/custom-css.ts';
import { safeBrandingOf, withoutNulls } from '../tenants/tenant.views.ts';
import { BrandingDraftModel, type TBrandingDraftDoc } from './branding.model.ts';
import { contrastProblems, cssProblems } from './branding-guard.ts';
import { publishVersion, versionSummary, findVersion, listVersionDocs } from './branding-versions.ts';

type Group = keyof TBranding;
const GROUPS: Group[] = ['logo', 'colors', 'typography', 'company', 'portal', 'features'];

/** What the portal renders, as anyone visiting the tenant's portal may see it. */
export function getPublicBranding(ctx: AccessContext): TPublicBrandingResponse {
  return {
    branding: safeBrandingOf(ctx.tenant),
    customCss: sanitizeCustomCss(ctx.tenant.branding?.portal?.customCSS),
    version: ctx.tenant.brandingVersion ?? null,
  };
}

/** The live branding as stored, in the shared schema's shape (nulls dropped, defaults filled). */
function liveOf(ctx: AccessContext): TBranding {
  return ZBranding.parse(withoutNulls(ctx.tenant.branding));
}

async function draftDocOf(ctx: AccessContext): Promise<TBrandingDraftDoc | null> {
  return BrandingDraftModel.findById(ctx.tenant._id).lean<TBrandingDraftDoc>();
}

function draftResponse(ctx: AccessContext, branding: TBranding, doc: TBrandingDraftDoc | null): TBrandingDraftResponse {
  const verdict = reviewCustomCss(branding.portal.customCSS);
  return {
    draft: branding,
    liveVersion: ctx.tenant.brandingVersion ?? null,
    unpublished: JSON.stringify(branding) !== JSON.stringify(liveOf(ctx)),
    updatedAt: doc?.updatedAt.toISOString() ?? null,
    updatedBy: doc?.updatedBy ? { email: doc.updatedBy.email } : null,
    contrast: checkContrast(branding.colors),
    customCss: verdict,
  };
}

/** The working copy: the saved draft, else what is live. Staff of the tenant may read it (the preview). */
export async function getDraft(ctx: AccessContext): Promise<TBrandingDraftResponse> {
  await requireAccess(ctx, 'branding.preview');
  const doc = await draftDocOf(ctx);
  return draftResponse(ctx, doc ? ZBranding.parse(withoutNulls(doc.branding)) : liveOf(ctx), doc);
}

/** The patch laid over the current draft, group by group; `null` clears an optional field. */
function applyPatch(base: TBranding, patch: TBrandingPatch): Record<Group, Record<string, unknown>> {
  const next = structuredClone(base) as unknown as Record<Group, Record<string, unknown>>;
  for (const group of GROUPS) {
    const changes = patch[group] as Record<string, unknown> | undefined;
    if (!changes) continue;
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) delete next[group][field];
      else if (value !== undefined) next[group][field] = value;
    }
  }
  return next;
}

function changedFields(before: TBranding, after: TBranding): string[] {
  const out: string[] = [];
  for (const group of GROUPS) {
    const a = before[group] as Record<string, unknown>;
    const b = after[group] as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(`${group}.${key}`);
  }
  return out;
}

/**
 * Writes the draft (one document, so a refused patch leaves nothing behind). A colour that fails the
 * contrast guard may be saved here (the admin is still working); it only blocks publishing. CSS that
 * tries to load, run or escape is refused outright.
 */
export async function writeDraft(
  ctx: AccessContext,
  actor: StaffActor,
  branding: TBranding,
): Promise<TBrandingDraftDoc> {
  const doc = {
    branding,
    updatedAt: new Date(),
    updatedBy: { uid: actor.uid, email: actor.email },
  };
  await BrandingDraftModel.replaceOne({ _id: ctx.tenant._id }, doc, { upsert: true }).catch(async (err) => {
    // Two first saves at once: both upsert the same new _id and one may fail; it is then an update.
    if ((err as { code?: number }).code !== 11000) throw err;
    await BrandingDraftModel.replaceOne({ _id: ctx.tenant._id }, doc);
  });
  return { _id: ctx.tenant._id, ...doc };
}

export async function saveDraft(ctx: AccessContext, patch: TBrandingPatch): Promise<TBrandingDraftResponse> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  const before = (await getDraftBranding(ctx)) ?? liveOf(ctx);
  const parsed = ZBranding.safeParse(applyPatch(before, patch));
  if (!parsed.success) throw AppError.validation(fieldErrors(parsed.error));
  const branding = parsed.data;
  const css = cssProblems(branding);
  if (css) throw AppError.validation(css, 'The custom CSS was refused.');
  const changed = changedFields(before, branding);
  const doc = await writeDraft(ctx, actor as StaffActor, branding);
  if (changed.length)
    await recordAudit(actor as StaffActor, 'branding.draft', target(ctx), `Draft: ${changed.join(', ')}`.slice(0, 500));
  return draftResponse(ctx, branding, doc);
}

async function getDraftBranding(ctx: AccessContext): Promise<TBranding | null> {
  const doc = await draftDocOf(ctx);
  return doc ? ZBranding.parse(withoutNulls(doc.branding)) : null;
}

const target = (ctx: AccessContext) => ({ kind: 'branding' as const, id: String(ctx.tenant._id), label: 'Branding' });

/** Refuses a branding the guard fails (contrast, CSS), naming each field and the nearest passing shade. */
function assertPublishable(branding: TBranding) {
  const problems = { ...contrastProblems(branding.colors), ...(cssProblems(branding) ?? {}) };
  if (Object.keys(problems).length)
    throw AppError.validation(
      problems,
      'This branding cannot be published: some colours do not reach WCAG AA contrast.',
    );
}

export type PublishOutcome = { version: number; branding: TBranding };

/** Makes the draft live as a new version. */
export async function publishDraft(ctx: AccessContext): Promise<PublishOutcome> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  const branding = (await getDraftBranding(ctx)) ?? liveOf(ctx);
  assertPublishable(branding);
  const version = await publishVersion(ctx.tenant, actor as StaffActor, branding, null);
  await recordAudit(actor as StaffActor, 'branding.publish', target(ctx), `Published version ${version}`);
  return { version, branding };
}

/**
 * One click: version `n` becomes live again as a new version (history only grows), and the draft
 * becomes it too, so what the admin edits next starts from what is live.
 */
export async function restoreVersion(ctx: AccessContext, n: number): Promise<PublishOutcome> {
  const { actor } = await requireAccess(ctx, 'branding.update');
  const old = await findVersion(ctx.tenant, n);
  if (!old) throw AppError.notFound('No such version.');
  const branding = ZBranding.parse(withoutNulls(old.branding));
  assertPublishable(branding);
  await writeDraft(ctx, actor as StaffActor, branding);
  const version = await publishVersion(ctx.tenant, actor as StaffActor, branding, n);
  await recordAudit(
    actor as StaffActor,
    'branding.restore',
    target(ctx),
    `Restored version ${n} as version ${version}`,
  );
  return { version, branding };
}

export async function listVersions(ctx: AccessContext): Promise<TBrandingVersionList> {
  await requireAccess(ctx, 'branding.update');
  const docs = await listVersionDocs(ctx.tenant);
  return { versions: docs.map((d) => versionSummary(ctx.tenant, d)) };
}

/** One version with its branding, for previewing it before a restore. Staff may preview, as the draft. */
export async function getVersion(ctx: AccessContext, n: number): Promise<TBrandingVersionResponse> {
  await requireAccess(ctx, 'branding.preview');
  const doc = await findVersion(ctx.tenant, n);
  if (!doc) throw AppError.notFound('No such version.');
  const branding = ZBranding.parse(withoutNulls(doc.branding));
  return {
    version: versionSummary(ctx.tenant, doc),
    branding,
    customCss: sanitizeCustomCss(branding.portal.customCSS),
  };
}
