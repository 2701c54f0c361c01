import type { RequestEvent } from '@sveltejs/kit';
import type { TStaffAuthConfig } from '@wisp/shared';
import { send } from './api.ts';

/** Google's sign-in endpoints the Firebase JS SDK calls when no emulator is in use. */
const FIREBASE_ORIGINS = ['https://identitytoolkit.googleapis.com', 'https://securetoken.googleapis.com'];

let cached: Promise<TStaffAuthConfig> | undefined;

/**
 * The Firebase settings the staff sign-in page gives the SDK, from the backend (one deployment, one
 * project: asked once per process). Throws the backend's 404 on a host that does not serve the staff side.
 */
export function staffAuthConfig(event: RequestEvent): Promise<TStaffAuthConfig> {
  cached ??= send<TStaffAuthConfig>(event, '/api/staff/auth/config').catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

/** Where the SDK may connect (CSP `connect-src`): the emulator only when one is used, else Google's endpoints. */
export function firebaseOrigins(config: TStaffAuthConfig): string[] {
  return config.emulatorUrl ? [new URL(config.emulatorUrl).origin] : FIREBASE_ORIGINS;
}

/**
 * Lets this page's document reach the SDK's endpoints. Staff documents only: a later client-side
 * navigation to the sign-in page (e.g. after a session expired) keeps the first document's policy.
 */
export async function allowFirebaseConnections(event: RequestEvent): Promise<TStaffAuthConfig> {
  const config = await staffAuthConfig(event);
  event.locals.connectSrc = firebaseOrigins(config);
  return config;
}
