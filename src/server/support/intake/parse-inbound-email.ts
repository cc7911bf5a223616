import { type AddressObject, type HeaderValue, simpleParser } from "mailparser";
import type { InboundMessage, TInboundMailJson } from "@/contracts/inbound-email";
import { messageIdsIn } from "@/domain/support/inbound-email";

// Both doors of the support desk turn what they received into one `InboundMessage`: raw MIME (the
// SMTP listener, or a webhook posting message/rfc822) through mailparser, or a provider's JSON.

/** PostgreSQL cannot store a NUL byte; a message carrying one is kept without it. */
const clean = (s: string | undefined | null) => (s ?? "").replaceAll("\u0000", "");

const headerText = (v: HeaderValue | undefined): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return clean(v);
  if (Array.isArray(v)) return clean(v.map(String).join(" "));
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "text" in v && typeof v.text === "string") return clean(v.text);
  return clean(JSON.stringify(v));
};

const addressesOf = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => clean(v.address))).filter(Boolean);

/**
 * Parses a raw message. `envelopeRecipients` (SMTP RCPT TO) say where it was really delivered; a
 * webhook without an envelope falls back to the To and Cc headers.
 */
export async function parseRawEmail(raw: Buffer | string, envelopeRecipients: string[] = []): Promise<InboundMessage> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = mail.from?.value[0];
  const recipients = envelopeRecipients.length ? envelopeRecipients : [...addressesOf(mail.to), ...addressesOf(mail.cc)];
  return {
    messageId: mail.messageId ? clean(mail.messageId) : null,
    from: { address: clean(from?.address), name: clean(from?.name) },
    recipients,
    subject: clean(mail.subject),
    text: clean(mail.text),
    inReplyTo: messageIdsIn(clean(mail.inReplyTo)),
    references: messageIdsIn(Array.isArray(mail.references) ? mail.references.map(clean) : clean(mail.references)),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    autoSubmitted: headerText(mail.headers.get("auto-submitted")),
    precedence: headerText(mail.headers.get("precedence")),
    autoResponseSuppress: headerText(mail.headers.get("x-auto-response-suppress")),
    listId: headerText(mail.headers.get("list-id")),
  };
}

/** A provider's JSON body, already checked by `ZInboundMailJson`. */
export function messageFromJson(body: TInboundMailJson): InboundMessage {
  const from = typeof body.from === "string" ? { address: body.from, name: "" } : body.from;
  return {
    messageId: body.messageId ?? null,
    from,
    recipients: Array.isArray(body.to) ? body.to : [body.to],
    subject: body.subject,
    text: body.text,
    inReplyTo: messageIdsIn(body.inReplyTo),
    references: messageIdsIn(body.references),
    date: body.date ? new Date(body.date) : null,
    autoSubmitted: body.autoSubmitted ?? null,
    precedence: body.precedence ?? null,
    autoResponseSuppress: null,
    listId: null,
  };
}
