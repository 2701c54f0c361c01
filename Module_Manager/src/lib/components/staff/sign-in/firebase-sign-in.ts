import type { TStaffAuthConfig } from '@wisp/shared';
import type { Auth } from 'firebase/auth';

/**
 * The Firebase JS SDK, on the staff sign-in page only: imported dynamically from here (its own chunk,
 * never part of a customer page), kept in memory only (`inMemoryPersistence`: no IndexedDB, nothing
 * left behind), and pointed at the emulator whenever the server says one is in use.
 */
let loaded: Promise<{ auth: Auth; sdk: typeof import('firebase/auth') }> | undefined;

export function loadFirebaseAuth(config: TStaffAuthConfig) {
  loaded ??= (async () => {
    const [{ getApps, initializeApp }, sdk] = await Promise.all([import('firebase/app'), import('firebase/auth')]);
    const name = 'staff-sign-in';
    const app =
      getApps().find((a) => a.name === name) ??
      initializeApp({ apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId }, name);
    const auth = sdk.initializeAuth(app, { persistence: sdk.inMemoryPersistence });
    if (config.emulatorUrl) sdk.connectAuthEmulator(auth, config.emulatorUrl, { disableWarnings: true });
    return { auth, sdk };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

export type SignInProblem = 'credentials' | 'disabled' | 'rateLimited' | 'network' | 'unknown';

/** Email + password through the SDK → a fresh ID token for the backend exchange. */
export async function idTokenFor(
  config: TStaffAuthConfig,
  email: string,
  password: string,
): Promise<{ idToken: string } | { problem: SignInProblem }> {
  let firebase: Awaited<ReturnType<typeof loadFirebaseAuth>>;
  try {
    firebase = await loadFirebaseAuth(config);
  } catch {
    return { problem: 'network' };
  }
  try {
    const credential = await firebase.sdk.signInWithEmailAndPassword(firebase.auth, email, password);
    return { idToken: await credential.user.getIdToken() };
  } catch (err) {
    return { problem: problemOf((err as { code?: string }).code) };
  }
}

/** The SDK's user is not needed once the server session exists (or was refused): forget it. */
export async function signOutFirebase(config: TStaffAuthConfig): Promise<void> {
  try {
    const { auth, sdk } = await loadFirebaseAuth(config);
    await sdk.signOut(auth);
  } catch {
    // Nothing was kept anyway (in-memory persistence).
  }
}

function problemOf(code: string | undefined): SignInProblem {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/invalid-login-credentials':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-email':
      return 'credentials';
    case 'auth/user-disabled':
      return 'disabled';
    case 'auth/too-many-requests':
      return 'rateLimited';
    case 'auth/network-request-failed':
      return 'network';
    default:
      return 'unknown';
  }
}
