import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail to staff; the SMTP client stays behind this interface. */
export interface Mailer {
  send: (message: MailMessage) => Promise<void>;
  close: () => void;
}

export interface SmtpMailerOptions {
  /** An SMTP URL such as `smtp://user:pass@smtp.example.com:587` or `smtps://…:465`. */
  url: string;
  from: string;
}

/** Creates a Mailer on nodemailer's SMTP transport, with timeouts so a dead server fails fast. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const url = new URL(options.url);
  const isTls = url.protocol === 'smtps:';
  const defaultPort = isTls ? 465 : 587;
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : defaultPort,
    secure: isTls,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    send: async (message) => {
      await transport.sendMail({ from: options.from, ...message });
    },
    close: () => transport.close(),
  };
}
