import type { Locale } from "@/domain/i18n/locales";
import { formatDateTime, translatorFor } from "@/server/i18n/translator";

export type EmailMessage =
  | { template: "invitation"; params: { companyName: string; inviterName: string; link: string; expiresAt: Date } }
  | { template: "passwordReset"; params: { name: string; link: string; expiresAt: Date } };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Builds the HTML and plain-text bodies of an e-mail in the recipient's language. */
export function renderEmail(message: EmailMessage, locale: Locale, productName: string): RenderedEmail {
  const t = translatorFor(locale);
  const expires = formatDateTime(locale, message.params.expiresAt);
  const { link } = message.params;
  const values: Record<string, string> =
    message.template === "invitation"
      ? { companyName: message.params.companyName, inviterName: message.params.inviterName, expires, productName }
      : { name: message.params.name, expires, productName };
  const key = `email.${message.template}` as const;
  const subject = t(`${key}.subject`, values);
  const paragraphs = [t(`${key}.intro`, values), t(`${key}.action`, values)];
  const footer = t(`${key}.footer`, values);
  const cta = t(`${key}.button`, values);

  const text = [...paragraphs, link, "", footer].join("\n\n");
  const escaped = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1e293b;max-width:560px;margin:auto;padding:24px">
${escaped}
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(cta)}</a></p>
<p style="font-size:12px;color:#64748b">${escapeHtml(link)}</p>
<p style="font-size:12px;color:#64748b">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, html, text };
}
