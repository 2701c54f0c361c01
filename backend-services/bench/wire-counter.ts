import net from 'node:net';

/** Commands a driver sends on its own (monitoring, auth, cursors closing): not the request's work. */
const HOUSEKEEPING = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'saslStart', 'saslContinue', 'endSessions']);
const OP_MSG = 2013;

export type WireCounter = {
  /** The port the process under test connects to instead of the database's. */
  port: number;
  /** Database commands since the last reset, by name (housekeeping left out). */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
};

/**
 * A TCP proxy in front of the database that counts the commands passing through it, so the benchmark
 * sees the round trips a request costs without instrumenting the app. Each MongoDB OP_MSG starts with
 * its length and opcode; its first section is a BSON document whose first key names the command.
 */
export async function startWireCounter(target: { host: string; port: number }): Promise<WireCounter> {
  let counts: Record<string, number> = {};
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 16) {
        const length = pending.readInt32LE(0);
        if (pending.length < length) break;
        const name = commandName(pending.subarray(0, length));
        if (name && !HOUSEKEEPING.has(name)) counts[name] = (counts[name] ?? 0) + 1;
        pending = pending.subarray(length);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    reset: () => {
      counts = {};
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The command of one OP_MSG (header 16 bytes, flag bits 4, section kind 0, then the BSON body). */
function commandName(message: Buffer): string | undefined {
  if (message.readInt32LE(12) !== OP_MSG || message.length < 27 || message[20] !== 0) return undefined;
  // BSON document: int32 size (21..24), then the first element: type byte (25), key as a C string.
  const keyStart = 26;
  const keyEnd = message.indexOf(0, keyStart);
  return keyEnd > keyStart ? message.toString('utf8', keyStart, keyEnd) : undefined;
}
