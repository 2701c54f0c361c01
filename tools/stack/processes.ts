import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';

/** Children started by this process; all are stopped on exit, Ctrl-C or a failure. */
const children = new Set<ChildProcess>();

export type Service = { name: string; child: ChildProcess; stop(): Promise<void> };

const colours = [36, 35, 33, 32, 34, 31];
let nextColour = 0;

/**
 * Starts a child in its own process group (so its own children die with it), prefixes its output with
 * its name, and rejects `exited` if it stops before we ask it to.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean; onLine?: (line: string) => void } = {},
): Service & { exited: Promise<number | null> } {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const colour = colours[nextColour++ % colours.length];
  const prefix = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(9)}\x1b[0m│ ` : `${name.padEnd(9)}│ `;
  let stopping = false;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        options.onLine?.(line);
        if (!options.quiet) process.stdout.write(prefix + line + '\n');
      }
    });
  }
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`${name}: could not start ${command}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) resolve(code);
      else reject(new Error(`${name} exited unexpectedly (code ${code ?? signal})`));
    });
  });
  exited.catch(() => {});
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopping = true;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited.catch(() => {});
    clearTimeout(timer);
  };
  return { name, child, stop, exited };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export function stopAllChildren(signal: NodeJS.Signals = 'SIGTERM') {
  for (const child of children) killGroup(child, signal);
}

/** Make sure no child outlives us, however we exit. */
export function installExitHandlers(onSignal: () => Promise<void>) {
  let shuttingDown = false;
  const handle = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stdout.write(`\n${signal} received, stopping everything…\n`);
    void onSignal().finally(() => process.exit(130));
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  process.on('exit', () => stopAllChildren('SIGKILL'));
}

export async function assertPortFree(port: number, what: string, envName: string) {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(`Port ${port} (${what}) is already in use. Stop what uses it, or set ${envName} to another port.`);
  }
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, died?: Promise<unknown>) {
  const deadline = Date.now() + timeoutMs;
  let failed: Error | undefined;
  died?.catch((err: Error) => (failed = err));
  while (Date.now() < deadline) {
    if (failed) throw failed;
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

export function tcpOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return res.status < 500;
}
