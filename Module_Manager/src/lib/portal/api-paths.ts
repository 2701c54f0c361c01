/**
 * Paths of the customer's ticket API (`/api/work-orders/…`, the product plan's public name), built in
 * one place for the server's calls and the browser's (attachments, read receipts, live events): every
 * segment is encoded, nobody pastes ids into URLs by hand.
 */
export function customerTicketsPath(customerId: string, ...segments: string[]): string {
  return ['/api/work-orders/customer', customerId, ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
    .join('/');
}
