import { fail } from '@sveltejs/kit';
import { CUSTOMER_IMPORT_FIELDS } from '@wisp/shared/constants';
import type { TCustomerImportAnalysis, TCustomerImportMapping, TCustomerImportResult } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  return {};
};

/** The file travels with each step (upload → map → dry run → import): nothing is kept between them. */
async function csvOf(form: FormData): Promise<string | null> {
  const file = form.get('file');
  if (file instanceof File && file.size > 0) return file.text();
  const kept = form.get('csv');
  return typeof kept === 'string' && kept ? kept : null;
}

function mappingOf(form: FormData): TCustomerImportMapping {
  const mapping: TCustomerImportMapping = {};
  for (const field of CUSTOMER_IMPORT_FIELDS) {
    const header = form.get(`map-${field}`);
    if (typeof header === 'string' && header) mapping[field] = header;
  }
  return mapping;
}

function upload(csv: string, mapping?: TCustomerImportMapping): FormData {
  const body = new FormData();
  body.set('file', new File([csv], 'customers.csv', { type: 'text/csv' }));
  if (mapping) body.set('mapping', JSON.stringify(mapping));
  return body;
}

const problemOf = (err: unknown) => {
  if (!(err instanceof BackendError)) throw err;
  return Object.values(err.body.fields ?? {}).join(' ') || err.body.message;
};

async function step(event: RequestEvent, path: 'dry-run' | '') {
  await requireStaffSession(event);
  const form = await event.request.formData();
  const csv = await csvOf(form);
  const mapping = mappingOf(form);
  const fileName = String(form.get('fileName') ?? '');
  if (!csv) return fail(400, { problem: 'file' as const });
  try {
    const analysis = await send<TCustomerImportAnalysis>(event, '/api/customers/import/analyze', {
      method: 'POST',
      body: upload(csv),
    });
    const result = await send<TCustomerImportResult>(event, `/api/customers/import${path ? `/${path}` : ''}`, {
      method: 'POST',
      body: upload(csv, mapping),
    });
    return { csv, fileName, analysis, mapping, result };
  } catch (err) {
    return fail(400, { csv, fileName, mapping, message: problemOf(err) });
  }
}

export const actions: Actions = {
  analyze: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const file = form.get('file');
    const csv = await csvOf(form);
    if (!csv) return fail(400, { problem: 'file' as const });
    try {
      const analysis = await send<TCustomerImportAnalysis>(event, '/api/customers/import/analyze', {
        method: 'POST',
        body: upload(csv),
      });
      return { csv, fileName: file instanceof File ? file.name : '', analysis, mapping: analysis.suggestedMapping };
    } catch (err) {
      return fail(400, { message: problemOf(err) });
    }
  },
  dryRun: (event) => step(event, 'dry-run'),
  import: (event) => step(event, ''),
};
