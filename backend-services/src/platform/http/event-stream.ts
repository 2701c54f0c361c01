import type { Request, Response } from 'express';
import { eventBus } from '../events/event-bus.ts';

/** How long a browser waits before reconnecting after the server ended its stream on purpose. */
export const RECONNECT_RETRY_MS = 1_000;

export type EventStream = {
  send(event: string, data: unknown, id?: string): void;
  comment(text: string): void;
  /** Ends the stream, first telling the browser when to reconnect. */
  end(retryMs?: number): void;
  onEnd(listener: () => void): void;
};

const open = new Set<EventStream>();

/** The number of event streams open on this process (metrics). */
export const openEventStreams = () => open.size;

/**
 * Ends every open stream with a retry hint (graceful shutdown): browsers reconnect, through the load
 * balancer, to a process that stays, and replay what they missed with `Last-Event-ID`.
 */
export function endAllEventStreams(retryMs = RECONNECT_RETRY_MS): number {
  const n = open.size;
  for (const stream of [...open]) stream.end(retryMs);
  return n;
}

/**
 * Starts a Server-Sent Events response: headers flushed at once, nothing compressed or buffered on the
 * way out. The stream ends itself when the bus says events may have been missed, so the browser
 * reconnects and replays from the database.
 */
export function openEventStream(req: Request, res: Response, retryMs = 5_000): EventStream {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  // nginx and similar proxies otherwise hold the stream in their buffer.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  req.socket.setNoDelay(true);
  req.socket.setTimeout(0);
  res.write(`retry: ${retryMs}\n: connected\n\n`);

  const endListeners: (() => void)[] = [];
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    open.delete(stream);
    offGap();
    for (const listener of endListeners) listener();
  };
  const stream: EventStream = {
    send(event, data, id) {
      if (!ended) res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      if (!ended) res.write(`: ${text}\n\n`);
    },
    end(retry = RECONNECT_RETRY_MS) {
      if (ended) return;
      res.write(`retry: ${retry}\n\n`);
      finish();
      res.end();
    },
    onEnd(listener) {
      endListeners.push(listener);
    },
  };
  const offGap = eventBus().onGap(() => stream.end(RECONNECT_RETRY_MS));
  open.add(stream);
  req.on('close', finish);
  return stream;
}
