import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * The development SMTP sink: accepts every message on loopback and writes it as an .eml file, so mail
 * the portal sends can be opened and read. Tests use their own in-process server instead.
 */
export async function startMailSink({ port, dir }: { port: number; dir: string }) {
  fs.mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${to.replace(/[^\w@.-]/g, '_')}.eml`;
        const file = path.join(dir, name);
        fs.writeFileSync(file, Buffer.concat(chunks));
        console.log(`mail     │ to ${to} → ${path.relative(process.cwd(), file)}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${port} (SMTP sink) is already in use; set SMTP_PORT.`) : err),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
