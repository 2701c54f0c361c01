import type { TStaffDeskEvent } from '@wisp/shared';

export type DeskEventHandler = (event: TStaffDeskEvent) => void;

/**
 * Subscribes to the desk's event stream (`/api/work-orders/events`, staff only, through the one-origin
 * proxy). EventSource reconnects by itself; returns the function that closes it.
 */
export function subscribeToDeskEvents(handler: DeskEventHandler): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource('/api/work-orders/events');
  for (const type of ['ticket.created', 'ticket.changed', 'ticket.message', 'ticket.status', 'ticket.note', 'presence'])
    source.addEventListener(type, (e) => {
      try {
        handler(JSON.parse((e as MessageEvent<string>).data) as TStaffDeskEvent);
      } catch {
        // A malformed event is skipped; the next reload shows the truth.
      }
    });
  return () => source.close();
}

/** True when a key press happens while the person is typing in a field (shortcuts must not fire then). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** A display name from a staff email: "dale@x.example" → "Dale". */
export function staffName(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.charAt(0).toUpperCase() + local.slice(1);
}
