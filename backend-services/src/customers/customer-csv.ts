import { parse } from 'csv-parse/sync';
import {
  CUSTOMER_IMPORT_FIELDS,
  CUSTOMER_IMPORT_MAX_ROWS,
  type TCustomerImportField,
  type TCustomerImportMapping,
} from '@wisp/shared';
import { AppError } from '../platform/http/app-error.ts';

/** A data row of the file, with the line it starts on (the header is line 1). */
export type CsvRow = { line: number; cells: string[] };
export type CsvFile = { headers: string[]; rows: CsvRow[] };

/** The delimiter of the header line: spreadsheets in many locales export `;` or tabs instead of `,`. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Parses an uploaded CSV with csv-parse (quotes, embedded newlines, BOM, ragged rows). Each row keeps
 * the line it starts on, so errors point at the line the person sees in their spreadsheet.
 */
export function parseCustomerCsv(bytes: Buffer): CsvFile {
  // One line ending throughout, so csv-parse's line count matches what an editor shows.
  const text = bytes.toString('utf8').replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw AppError.validation(
      { file: `The file is not valid CSV${line ? ` (line ${line})` : ''}.` },
      'The file could not be read.',
    );
  }
  const [header, ...data] = records;
  if (!header || header.record.every((h) => !h)) throw AppError.validation({ file: 'The file is empty.' });
  if (data.length > CUSTOMER_IMPORT_MAX_ROWS)
    throw AppError.validation({ file: `Import at most ${CUSTOMER_IMPORT_MAX_ROWS} rows at a time.` });
  return {
    headers: header.record,
    rows: data.map(({ record, info }) => ({
      // `info.lines` is the line a record ends on; a quoted cell may span several.
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    })),
  };
}

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header names billing exports and spreadsheets use for each field (compared without case or punctuation). */
const SYNONYMS: Record<TCustomerImportField, string[]> = {
  customerId: [
    'customerid',
    'customer',
    'custid',
    'customerno',
    'customernumber',
    'accountid',
    'account',
    'accountnumber',
    'accountno',
    'acct',
    'id',
  ],
  firstName: ['firstname', 'first', 'givenname', 'forename'],
  lastName: ['lastname', 'last', 'surname', 'familyname'],
  fullName: ['name', 'fullname', 'customername', 'contactname'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'phonenumber', 'primaryphone', 'mobile', 'cell', 'cellphone', 'telephone', 'tel'],
  phone2: ['phone2', 'altphone', 'alternatephone', 'secondaryphone', 'otherphone', 'workphone', 'homephone'],
  street: ['street', 'address', 'address1', 'streetaddress', 'serviceaddress', 'addressline1'],
  city: ['city', 'town'],
  state: ['state', 'province', 'region', 'st'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode', 'postal'],
  country: ['country', 'countrycode'],
  siteId: ['site', 'siteid', 'tower', 'towerid', 'accesspoint'],
  planName: ['plan', 'planname', 'serviceplan', 'package'],
  downloadMbps: ['download', 'downloadmbps', 'down', 'downmbps'],
  uploadMbps: ['upload', 'uploadmbps', 'up', 'upmbps'],
  monthlyFee: ['monthlyfee', 'fee', 'price', 'monthly', 'mrc', 'rate'],
  serviceStatus: ['status', 'servicestatus', 'accountstatus'],
};

/** A mapping from the headers: each field gets the first header that is one of its usual names. */
export function suggestMapping(headers: readonly string[]): TCustomerImportMapping {
  const mapping: TCustomerImportMapping = {};
  const used = new Set<string>();
  for (const field of CUSTOMER_IMPORT_FIELDS) {
    const header = headers.find((h) => !used.has(h) && SYNONYMS[field].includes(normalise(h)));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  // A full name column is only needed when first and last name are not there.
  if (mapping.firstName && mapping.lastName) delete mapping.fullName;
  return mapping;
}

/** Each mapped field's cell of a row, as typed (empty cells left out). */
export function cellsByField(
  headers: readonly string[],
  mapping: TCustomerImportMapping,
  row: CsvRow,
): Partial<Record<TCustomerImportField, string>> {
  const out: Partial<Record<TCustomerImportField, string>> = {};
  for (const field of CUSTOMER_IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    const value = row.cells[headers.indexOf(header)]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

/** Mapped columns must exist in the file, each used once, and the customer ID must be mapped. */
export function checkMapping(headers: readonly string[], mapping: TCustomerImportMapping): void {
  const fields: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const [field, header] of Object.entries(mapping)) {
    if (!headers.includes(header)) fields[`mapping.${field}`] = `The file has no column “${header}”.`;
    else if (seen.has(header)) fields[`mapping.${field}`] = `“${header}” is already mapped to ${seen.get(header)}.`;
    seen.set(header, field);
  }
  if (!mapping.customerId) fields['mapping.customerId'] = 'Choose the column that holds the customer ID.';
  if (!mapping.fullName && !(mapping.firstName && mapping.lastName))
    fields['mapping.firstName'] = 'Choose the name columns (first and last name, or a full name).';
  if (Object.keys(fields).length) throw AppError.validation(fields, 'The column mapping needs attention.');
}
