import { z } from "zod";
import type { ProviderEvent } from "@/server/payments/payment-provider";

/**
 * The inbox keeps each event as the provider-neutral `ProviderEvent` the provider reduced it to
 * (JSON, dates as ISO strings): the worker applies it without knowing which provider sent it, and the
 * demo provider writes the very same shape. Read back through this schema, so a row that does not
 * parse fails its job loudly instead of being half-applied.
 */
const ZMethodKind = z.enum(["CARD", "SEPA_DEBIT", "ACH_DEBIT", "ACSS_DEBIT"]);
const ZMetadata = z.record(z.string(), z.string());
const ZMethod = z.object({
  providerMethodId: z.string().min(1),
  kind: ZMethodKind,
  brand: z.string().nullable(),
  last4: z.string().max(4),
  expMonth: z.number().int().nullable(),
  expYear: z.number().int().nullable(),
  bankName: z.string().nullable(),
});
const ZIntent = z.object({
  id: z.string().min(1),
  status: z.enum(["CREATED", "REQUIRES_ACTION", "PROCESSING", "FAILED", "SUCCEEDED", "CANCELED"]),
  amountMinor: z.number().int(),
  currency: z.string().length(3),
  clientSecret: z.string().nullable(),
  methodId: z.string().nullable(),
  method: ZMethod.nullable(),
  failureCode: z.string().nullable(),
  metadata: ZMetadata,
  created: z.coerce.date(),
});
const ZRefund = z.object({
  id: z.string().min(1),
  intentId: z.string().min(1),
  amountMinor: z.number().int(),
  currency: z.string().length(3),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  metadata: ZMetadata,
  created: z.coerce.date(),
});
const ZStoredEvent = z.discriminatedUnion("type", [
  z.object({ id: z.string(), created: z.coerce.date(), type: z.literal("intent"), intent: ZIntent }),
  z.object({
    id: z.string(),
    created: z.coerce.date(),
    type: z.literal("setup_succeeded"),
    customerRef: z.string(),
    methodId: z.string(),
    method: ZMethod.nullable(),
    metadata: ZMetadata,
  }),
  z.object({ id: z.string(), created: z.coerce.date(), type: z.literal("refund"), refund: ZRefund }),
  z.object({
    id: z.string(),
    created: z.coerce.date(),
    type: z.literal("ignored"),
    providerType: z.string(),
  }),
]);

export const encodeProviderEvent = (event: ProviderEvent): unknown => JSON.parse(JSON.stringify(event));
export const decodeProviderEvent = (payload: unknown): ProviderEvent => ZStoredEvent.parse(payload);

/** The inbox's `type` column: what the event says, readable in a query ("intent.SUCCEEDED"). */
export function inboxTypeOf(event: ProviderEvent): string {
  switch (event.type) {
    case "intent":
      return `intent.${event.intent.status}`;
    case "refund":
      return `refund.${event.refund.status}`;
    case "setup_succeeded":
      return "setup.SUCCEEDED";
    case "ignored":
      return event.providerType;
  }
}
