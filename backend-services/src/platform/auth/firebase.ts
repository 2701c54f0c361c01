import { getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';

/**
 * firebase-admin talks to the Auth emulator whenever FIREBASE_AUTH_EMULATOR_HOST is set (development and
 * tests); in production it uses the deployment's real credentials (GOOGLE_APPLICATION_CREDENTIALS).
 */
export function firebaseAuth(projectId: string): Auth {
  const app: App = getApps()[0] ?? initializeApp({ projectId });
  return getAuth(app);
}

export async function pingAuth(auth: Auth): Promise<boolean> {
  try {
    await Promise.race([
      auth.listUsers(1),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000)),
    ]);
    return true;
  } catch {
    return false;
  }
}
