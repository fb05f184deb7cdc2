import nodemailer from 'nodemailer';
import type { Sender } from './outbox';

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Portaria <nao-responda@portaria.local>';
}

// One pooled transport per address and process: the connection to the SMTP server is kept
// and reused from message to message, instead of a new one (and a new handshake) each time.
const transports = new Map<string, ReturnType<typeof nodemailer.createTransport>>();

function pooledTransport(url: string) {
  let transport = transports.get(url);
  if (!transport) {
    const pooled = new URL(url);
    if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
    transport = nodemailer.createTransport(pooled.toString());
    transports.set(url, transport);
  }
  return transport;
}

export function smtpSender(url: string, from = mailFrom()): Sender {
  const transport = pooledTransport(url);
  return async (message) => {
    await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.textBody });
  };
}

/**
 * Without SMTP, a message is written to the server's log, where only the operator who runs
 * the server reads it: the demo and a first installation keep working (invitation links
 * included), and no administrator ever sees a link on a page (docs/decisions/003).
 */
export function logSender(write: (text: string) => void = (text) => console.log(text)): Sender {
  return async (message) => {
    write(
      `[mail] SMTP não configurado; mensagem registrada aqui.\nPara: ${message.toAddress}\nAssunto: ${message.subject}\n\n${message.textBody}\n[mail] fim da mensagem`,
    );
    return 'logged';
  };
}

/** The sender of this server: SMTP when SMTP_URL is set, the log otherwise. */
export function configuredSender(): Sender {
  const url = process.env.SMTP_URL;
  return url ? smtpSender(url) : logSender();
}
