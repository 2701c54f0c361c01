export * from './common/api-error.schema.ts';
export * from './common/object-id.ts';
export * from './common/pagination.schema.ts';
export * from './branding/branding.schema.ts';
export * from './tenants/tenant.schema.ts';
export * from './customers/customer.schema.ts';
export * from './auth/auth.schema.ts';
export * from './auth/password-policy.ts';
export * from './tickets/ticket.schema.ts';
export * from './service/service-info.schema.ts';
export * from './support/incident.schema.ts';
export * from './support/faq.schema.ts';
export * from './support/contact.schema.ts';
// Two feature schemas declare these names too (service info: nullable address; tickets: 'unknown' signal);
// the package-level names stay the customer record's address and the tickets' signal band.
export { ZServiceAddress } from './customers/customer.schema.ts';
export { ZSignalQuality } from './tickets/ticket.schema.ts';
