import nodemailer from 'nodemailer';
import type { Sender } from './outbox';

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'Portaria <nao-responda@portaria.local>';
}

export function smtpSender(url: string, from = mailFrom()): Sender {
  const transport = nodemailer.createTransport(url);
  return async (message) => {
    await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.textBody });
  };
}
