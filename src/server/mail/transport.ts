import nodemailer from "nodemailer";
import { env } from "@/server/config";

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  /** Extra headers, e.g. `Auto-Submitted: auto-replied` on the support desk's automatic answers. */
  headers?: Record<string, string>;
}

/** What the server said when it accepted the message (kept as delivery evidence, ADR 0017). */
export interface MailReceipt {
  response?: string;
}

export interface MailTransport {
  /** Resolves once the SMTP server accepted the message; rejects when it refused it. */
  // biome-ignore lint/suspicious/noConfusingVoidType: test transports that only count messages resolve with nothing
  send(message: OutgoingMail): Promise<MailReceipt | void>;
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
        const info = await transporter.sendMail({
          from: env().MAIL_FROM,
          to: m.to,
          subject: m.subject,
          html: m.html,
          text: m.text,
          attachments: m.attachments,
          headers: m.headers,
        });
        // nodemailer resolves after the server's final 250 to DATA; a refused recipient rejects.
        return { response: typeof info.response === "string" ? info.response.slice(0, 500) : undefined };
      },
    };
    cached = { url, transport };
  }
  return cached.transport;
}
