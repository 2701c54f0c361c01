import nodemailer, { type Transporter } from 'nodemailer';

/** One SMTP transport per process, from SMTP_URL (the dev sink, a test server, or the real relay). */
export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  } as never);
}
