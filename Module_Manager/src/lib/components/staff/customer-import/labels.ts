import type { TCustomerImportField } from '@wisp/shared/constants';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<TCustomerImportField, () => string> = {
  customerId: m.customers_col_id,
  firstName: m.customers_field_first_name,
  lastName: m.customers_field_last_name,
  fullName: m.customers_import_field_full_name,
  email: m.customers_col_email,
  phone: m.customers_field_phone1,
  phone2: m.customers_field_phone2,
  street: m.customers_field_street,
  city: m.customers_field_city,
  state: m.customers_field_state,
  postalCode: m.customers_field_postal,
  country: m.customers_field_country,
  siteId: m.customers_field_site,
  planName: m.customers_field_plan_name,
  downloadMbps: m.customers_field_down,
  uploadMbps: m.customers_field_up,
  monthlyFee: m.customers_field_fee,
  serviceStatus: m.customers_col_service,
};

export const importFieldLabel = (field: TCustomerImportField) => LABELS[field]();
