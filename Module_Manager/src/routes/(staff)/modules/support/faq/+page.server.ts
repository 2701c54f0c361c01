import { fail, redirect } from '@sveltejs/kit';
import type { TStaffFaqArticleDetail } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { failLoad, redirectStaffIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type StaffEntry = {
  slug: string;
  kind: 'faq' | 'article';
  category: string;
  title: string;
  excerpt: string;
  published: boolean;
  order: number;
  updatedAt: string;
};

const FIELDS = ['kind', 'category', 'title', 'slug', 'bodyMarkdown', 'order'] as const;
const isSlug = (v: string | null): v is string => !!v && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v);

/** The list, and in the editor `?edit=<slug>` (an article) or `?new` (a blank one). */
export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  const edit = event.url.searchParams.get('edit');
  try {
    const { articles } = await send<{ articles: StaffEntry[] }>(event, '/api/support/faq');
    const article = isSlug(edit)
      ? (await send<{ article: TStaffFaqArticleDetail }>(event, `/api/support/faq/${edit}`)).article
      : null;
    return { articles, article, creating: event.url.searchParams.has('new') };
  } catch (err) {
    failLoad(err, event);
  }
};

function valuesOf(form: FormData) {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<string, string>;
  values.published = form.get('published') ? 'on' : '';
  return values;
}

function bodyOf(values: Record<string, string>) {
  const v = (k: string) => values[k] ?? '';
  return {
    kind: values.kind === 'article' ? 'article' : 'faq',
    category: v('category'),
    title: v('title'),
    slug: v('slug').trim().toLowerCase(),
    bodyMarkdown: v('bodyMarkdown'),
    published: v('published') === 'on',
    order: Number.parseInt(v('order') || '0', 10) || 0,
  };
}

function failure(event: RequestEvent, err: unknown, values: Record<string, string>) {
  redirectStaffIfSignedOut(event, err);
  if (!(err instanceof BackendError)) throw err;
  return fail(err.status >= 500 ? 503 : 400, { values, fields: err.body.fields ?? {}, message: err.body.message });
}

export const actions: Actions = {
  /** Renders the Markdown with the portal's own sanitiser; what was typed stays in the form. */
  preview: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const values = valuesOf(form);
    try {
      const { html } = await send<{ html: string }>(event, '/api/support/faq/preview', {
        method: 'POST',
        body: { bodyMarkdown: values.bodyMarkdown },
      });
      return { values, preview: html, original: String(form.get('original') ?? '') };
    } catch (err) {
      return failure(event, err, values);
    }
  },

  save: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const values = valuesOf(form);
    const original = String(form.get('original') ?? '');
    let slug: string;
    try {
      const { article } = await send<{ article: { slug: string } }>(
        event,
        isSlug(original) ? `/api/support/faq/${original}` : '/api/support/faq',
        { method: isSlug(original) ? 'PUT' : 'POST', body: bodyOf(values) },
      );
      slug = article.slug;
    } catch (err) {
      return { ...(await failure(event, err, values)), original };
    }
    redirect(303, `?edit=${slug}&saved=1`);
  },

  /** Publish or unpublish from the list: the article as stored, with the flag flipped. */
  publish: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const slug = String(form.get('slug') ?? '');
    if (!isSlug(slug)) return fail(404, { message: 'No such article.' });
    try {
      const { article } = await send<{ article: TStaffFaqArticleDetail }>(event, `/api/support/faq/${slug}`);
      await send(event, `/api/support/faq/${slug}`, {
        method: 'PUT',
        body: {
          kind: article.kind,
          category: article.category,
          title: article.title,
          slug: article.slug,
          bodyMarkdown: article.bodyMarkdown,
          order: article.order,
          published: form.get('published') === 'true',
        },
      });
      return { toggled: slug };
    } catch (err) {
      return failure(event, err, {});
    }
  },

  delete: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const slug = String(form.get('slug') ?? '');
    if (!isSlug(slug)) return fail(404, { message: 'No such article.' });
    try {
      await send(event, `/api/support/faq/${slug}`, { method: 'DELETE' });
    } catch (err) {
      return failure(event, err, {});
    }
    redirect(303, '?deleted=1');
  },
};
