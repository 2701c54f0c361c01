import { m } from '$lib/paraglide/messages';

// Visit and equipment types are free strings in the customer record (CSV import, staff form); the known
// ones read as words in the customer's language, an unknown one as a tidy phrase, never as a raw value.
const VISIT_TYPES: Record<string, () => string> = {
  installation: m.service_visit_type_installation,
  repair: m.service_visit_type_repair,
  maintenance: m.service_visit_type_maintenance,
  upgrade: m.service_visit_type_upgrade,
  removal: m.service_visit_type_removal,
  'site-survey': m.service_visit_type_site_survey,
};

const EQUIPMENT_TYPES: Record<string, () => string> = {
  cpe: m.service_equipment_type_cpe,
  router: m.service_equipment_type_router,
  'access-point': m.service_equipment_type_access_point,
  switch: m.service_equipment_type_switch,
  'poe-injector': m.service_equipment_type_poe_injector,
};

const key = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** "site_survey" → "Site survey": what an unknown value looks like, rather than the raw string. */
function tidy(raw: string): string {
  const words = raw.trim().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const visitTypeLabel = (raw: string): string => VISIT_TYPES[key(raw)]?.() ?? tidy(raw);
export const equipmentTypeLabel = (raw: string): string => EQUIPMENT_TYPES[key(raw)]?.() ?? tidy(raw);
