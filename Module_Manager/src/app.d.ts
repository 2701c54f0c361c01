import type { TPublicTenant } from '@wisp/shared';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** The tenant this request's host (or, on bare localhost, ?tenant=) belongs to; null when none. */
      tenant: TPublicTenant | null;
    }
  }
}

export {};
