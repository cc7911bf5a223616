import { z } from "zod";
import { type HELD_REASONS, INBOUND_SUBJECT_MAX, INBOUND_TEXT_MAX } from "@/domain/support/inbound-email";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { UUID_RE } from "@/domain/shared/row-ids";
import { ZSearchText } from "@/contracts/text";

// The support desk's e-mail intake (issue 18): what both doors (the SMTP listener and the inbound
// webhook) hand to `receiveSupportEmail`, the webhook's JSON body, and the staff inbox's DTOs.

/** One message as it arrived, whatever the door: addresses as written, headers already decoded. */
export interface InboundMessage {
  /** The Message-ID header, null when the message had none (a stable hash stands in). */
  messageId: string | null;
  from: { address: string; name: string };
  /** Where it was delivered: the SMTP envelope's recipients, else the To and Cc headers. */
  recipients: string[];
  subject: string;
  text: string;
  inReplyTo: string[];
  references: string[];
  /** The Date header (the sender's clock), used only for the stable hash; arrival is `receivedAt`. */
  date: Date | null;
  autoSubmitted: string | null;
  precedence: string | null;
  autoResponseSuppress: string | null;
  listId: string | null;
}

const noNul = (v: string) => !v.includes("\u0000");
const ZAddress = z.email().max(320).refine(noNul, NUL_BYTE_MESSAGE);
const ZHeaderText = (max: number) => z.string().max(max).refine(noNul, NUL_BYTE_MESSAGE);
const ZOneOrMany = z.union([ZHeaderText(2000), z.array(ZHeaderText(2000)).max(100)]);

/**
 * The JSON body of `POST /api/inbound-mail` (providers that post parsed e-mail). `to` is one address
 * or several; `from` is an address, optionally with a name. Unknown fields are refused.
 */
export const ZInboundMailJson = z.strictObject({
  from: z.union([ZAddress, z.strictObject({ address: ZAddress, name: ZHeaderText(200).default("") })]),
  to: z.union([ZAddress, z.array(ZAddress).min(1).max(50)]),
  subject: ZHeaderText(INBOUND_SUBJECT_MAX * 4).default(""),
  text: ZHeaderText(INBOUND_TEXT_MAX * 10).default(""),
  messageId: ZHeaderText(998).optional(),
  inReplyTo: ZOneOrMany.optional(),
  references: ZOneOrMany.optional(),
  date: z.iso.datetime({ offset: true }).optional(),
  autoSubmitted: ZHeaderText(200).optional(),
  precedence: ZHeaderText(200).optional(),
});
export type TInboundMailJson = z.infer<typeof ZInboundMailJson>;

/** What staff see of a held message, in the list and on its page. */
export interface HeldEmailDto {
  id: string;
  fromAddress: string;
  fromName: string;
  toAddress: string;
  subject: string;
  urgency: "REGULAR" | "URGENT";
  heldReason: (typeof HELD_REASONS)[number] | null;
  receivedAt: string;
  outcome: "TICKET_OPENED" | "REPLY_ADDED" | "HELD" | "RELEASED" | "DISMISSED";
}

export interface HeldEmailDetailDto extends HeldEmailDto {
  text: string;
  /** The company of a known sender (an unauthorised contact), suggested first. */
  senderCustomerId: string | null;
  ticketId: string | null;
  ticketReference: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

/** A company staff may open the ticket for. */
export interface CustomerChoiceDto {
  id: string;
  legalName: string;
  /** Why it is offered: the sender's company, a company with users at the sender's domain, a search match. */
  why: "SENDER" | "DOMAIN" | "SEARCH";
}

export const ZHeldEmailSearch = z.object({ q: ZSearchText(100).catch("") });

export const ZReleaseHeldEmailInput = z.strictObject({
  emailId: z.uuid(),
  // No company chosen (no radio ticked) is its own message, not "required".
  customerId: z
    .string()
    .default("")
    .refine((v) => UUID_RE.test(v), { message: "choose a customer", params: { code: "CHOOSE_A_CUSTOMER" } }),
});
export type TReleaseHeldEmailInput = z.infer<typeof ZReleaseHeldEmailInput>;

export const ZDismissHeldEmailInput = z.strictObject({ emailId: z.uuid() });
