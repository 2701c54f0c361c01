import type { TPublicTenant } from '@wisp/shared';
import type { PortalSession } from '$lib/server/session';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** The tenant this request's host (or, on bare localhost, ?tenant=) belongs to; null when none. */
      tenant: TPublicTenant | null;
      /** Who this browser is signed in as (from `GET /api/session`), loaded for portal and staff pages only. */
      session: PortalSession | null;
      /** The high-contrast choice (cookie), rendered into `<html data-contrast>` so it never flashes. */
      contrast: 'high' | 'normal';
      /** Extra CSP `connect-src` origins for this document (staff pages: the Firebase sign-in endpoints). */
      connectSrc?: string[];
    }
  }
}

export {};
