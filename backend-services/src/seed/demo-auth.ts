import type { Auth } from 'firebase-admin/auth';
import { claimIdOf, PortalAccountClaimModel } from '../customer-auth/portal-account-claim.model.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import type { DemoCustomer } from './demo-customers.ts';

/**
 * Keeps the sign-up/invitation bookkeeping in step with the seeded accounts, so re-seeding resets the
 * demo: a seeded account holds its link claim; a customer without a seeded account loses any claim and
 * any Firebase user a demo sign-up created, so sign-up can be shown again.
 */
export async function seedDemoAuth(auth: Auth, tenantId: string, customers: DemoCustomer[]): Promise<void> {
  for (const c of customers) {
    const claimId = claimIdOf(tenantId, c.customerId);
    if (c.portalAccount) {
      await PortalAccountClaimModel.create({ _id: claimId, via: 'invitation', claimedAt: new Date() }).catch(
        (err: unknown) => {
          if (!isDuplicateKeyError(err)) throw err;
        },
      );
      continue;
    }
    await PortalAccountClaimModel.deleteOne({ _id: claimId });
    if (!c.email) continue;
    const leftover = await auth.getUserByEmail(c.email).catch(() => null);
    if (leftover && leftover.customClaims?.tenantId === tenantId) await auth.deleteUser(leftover.uid);
  }
}
