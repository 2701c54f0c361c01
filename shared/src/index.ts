export * from './common/api-error.schema.ts';
export * from './common/object-id.ts';
export * from './common/pagination.schema.ts';
export * from './branding/branding.schema.ts';
export * from './tenants/tenant.schema.ts';
export * from './customers/customer.schema.ts';
export * from './auth/auth.schema.ts';
export * from './auth/password-policy.ts';
