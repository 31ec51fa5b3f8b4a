import type { FastifyBaseLogger } from 'fastify';

/** A message to one person. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where Hearth's mail goes. The default writes each message to the log, so no mail server is needed to run Hearth;
 * a council plugs in its own sender (SMTP, GOV.UK Notify) behind this interface.
 */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

export function logMailSender(log: Pick<FastifyBaseLogger, 'info'>): MailSender {
  return {
    async send(message) {
      log.info(
        { mail: { to: message.to, subject: message.subject } },
        `Mail to ${message.to}: ${message.subject}\n${message.text}`,
      );
    },
  };
}

/** For the command line: each message printed on standard output. */
export function printMailSender(): MailSender {
  return {
    async send(message) {
      console.log(`Mail to ${message.to}: ${message.subject}\n${message.text}\n`);
    },
  };
}
