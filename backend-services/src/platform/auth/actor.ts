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

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares its request type this way
  namespace Express {
    interface Request {
      /** Set by the session middleware when the request carries a live session of this tenant. */
      actor?: Actor;
    }
  }
}
