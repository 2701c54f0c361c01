/**
 * Who is making a request, decided only by the server from the session: nothing the client sends
 * chooses the tenant, the customer or the role.
 */
export type CustomerActor = {
  kind: 'customer';
  tenantId: string;
  customerId: string;
  uid: string;
  sessionId: string;
  /**
   * Set when staff view the portal as this customer: the actor may only read (the access layer refuses
   * every other permission with 403 READ_ONLY), and the view names who is looking.
   */
  viewAs?: ViewAsOrigin;
};
/** Who opened a view-as, and as whom (for the portal's banner). */
export type ViewAsOrigin = {
  staffUid: string;
  staffEmail: string;
  staffRole: 'admin' | 'staff';
  staffSessionId: string;
  customerName: string;
};
export type StaffActor = {
  kind: 'staff';
  tenantId: string;
  role: 'admin' | 'staff';
  uid: string;
  email: string;
  sessionId: string;
};
export type Actor = CustomerActor | StaffActor;

/** A read-only actor: staff viewing the portal as a customer. */
export const isReadOnlyActor = (actor: Actor | undefined): boolean => actor?.kind === 'customer' && !!actor.viewAs;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares its request type this way
  namespace Express {
    interface Request {
      /** Set by the session middleware when the request carries a live session of this tenant. */
      actor?: Actor;
    }
  }
}
