import nodemailer from "nodemailer";
import { env } from "@/server/config";

export interface MailTransport {
  send(message: { to: string; subject: string; html: string; text: string }): Promise<void>;
}

let cached: { url: string; transport: MailTransport } | undefined;

/**
 * The SMTP transport when SMTP_URL is set; null means "capture in the outbox only". Read on every
 * call (not frozen at start-up) so a changed SMTP_URL takes effect and tests can point it at their
 * own server.
 */
export function smtpTransport(): MailTransport | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    const transporter = nodemailer.createTransport(url);
    const transport: MailTransport = {
      async send(m) {
        await transporter.sendMail({ from: env().MAIL_FROM, to: m.to, subject: m.subject, html: m.html, text: m.text });
      },
    };
    cached = { url, transport };
  }
  return cached.transport;
}
