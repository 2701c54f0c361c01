import type { TBranding } from '@wisp/shared';

/** What the branded shell (header, layout) is drawn from: the tenant's branding and the visitor's state. */
export type PortalShell = {
  branding: TBranding;
  signedIn: boolean;
  contrast: 'high' | 'normal';
  /** Where the language and contrast forms return to (this page). */
  here: string;
};
