// Rules of the support desk's e-mail intake (issue 18): which desk address a message was sent to,
// whether it answers a ticket, whether it came from a machine (never answered: no mail loops), and
// the new text of a reply without the quoted history. Pure: no clock, no I/O.
import type { Urgency } from "./charging-rules";

/** Why a message waits for staff instead of opening a ticket. */
export const HELD_REASONS = ["UNKNOWN_SENDER", "NOT_AUTHORISED", "AUTOMATED"] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

/** Longest text kept from one message (a forwarded thread with its history can be huge). */
export const INBOUND_TEXT_MAX = 100_000;
export const INBOUND_SUBJECT_MAX = 300;

export const normaliseAddress = (address: string) => address.trim().toLowerCase();

/**
 * The urgency a message asked for, from the desk address it was sent to (the urgent address wins
 * when both were written to); null when it reached neither.
 */
export function urgencyOfRecipients(recipients: readonly string[], desk: { regularAddress: string; urgentAddress: string }): Urgency | null {
  const to = new Set(recipients.map(normaliseAddress));
  if (to.has(normaliseAddress(desk.urgentAddress))) return "URGENT";
  if (to.has(normaliseAddress(desk.regularAddress))) return "REGULAR";
  return null;
}

/** The ticket a subject names: "Re: [T-42] Printer" → 42 (the reference our e-mails carry). */
export function ticketNumberInSubject(subject: string): number | null {
  const m = /\[T-(\d{1,10})\]/i.exec(subject);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}

/** Message-IDs as written in In-Reply-To / References: "<a@b> <c@d>" → ["<a@b>", "<c@d>"]. */
export function messageIdsIn(header: string | readonly string[] | undefined | null): string[] {
  const text = typeof header === "string" ? header : (header ?? []).join(" ");
  const ids = text.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(ids)];
}

/** A Message-ID in its canonical form, with its angle brackets ("a@b" and "<a@b>" are one message). */
export function canonicalMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith("<") ? trimmed : `<${trimmed}>`;
}

export interface AutomationSigns {
  from: string;
  /** RFC 3834 Auto-Submitted: anything but "no" means a machine wrote it. */
  autoSubmitted?: string | null;
  /** Precedence: bulk, junk, list, auto_reply. */
  precedence?: string | null;
  /** Microsoft's X-Auto-Response-Suppress and list headers also mark machine mail. */
  autoResponseSuppress?: string | null;
  listId?: string | null;
}

const MACHINE_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@.-]|$)/i;

/**
 * Whether a message must never be answered (RFC 3834 section 2): automatic replies, bounces, bulk and
 * list mail, and anything from the desk's own addresses. Such messages are still kept in the inbox.
 */
export function isAutomated(signs: AutomationSigns, ownAddresses: readonly string[]): boolean {
  const from = normaliseAddress(signs.from);
  if (from === "" || ownAddresses.some((a) => normaliseAddress(a) === from)) return true;
  if (MACHINE_SENDERS.test(from)) return true;
  const auto = signs.autoSubmitted?.trim().toLowerCase();
  if (auto && auto !== "no") return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(signs.precedence?.trim() ?? "")) return true;
  if (signs.autoResponseSuppress?.trim()) return true;
  return Boolean(signs.listId?.trim());
}

// The line a mail client writes above the quoted history, in the three languages we answer in.
const ATTRIBUTION = [
  /^On .{1,200} wrote:\s*$/,
  /^Le .{1,200} a écrit\s?:\s*$/,
  /^El .{1,200} escribió:\s*$/,
  /^-{2,}\s*(Original Message|Message d'origine|Mensaje original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule above "From: … Sent: …"
  /^(From|De)\s?: .+$/, // Outlook's header block when no rule precedes it
];

/**
 * The new text of a reply: everything above the quoted history (the attribution line and what
 * follows it, or a trailing block of "> " lines). The whole text when nothing new would be left.
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    if (ATTRIBUTION.some((re) => re.test(line))) {
      end = i;
      break;
    }
  }
  // A trailing block of quoted lines (and blank lines between them) without an attribution.
  while (end > 0 && /^\s*(>.*)?$/.test(lines[end - 1] ?? "")) end--;
  const kept = lines.slice(0, end).join("\n").trim();
  return kept === "" ? text.trim() : kept;
}
