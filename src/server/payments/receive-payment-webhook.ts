import { nulBytePaths } from "@/domain/shared/nul-bytes";
import { DomainError } from "@/domain/shared/domain-error";
import type { Db } from "@/server/db/types";
import { logger } from "@/server/logger";
import { encodeProviderEvent, inboxTypeOf } from "@/server/payments/provider-event-codec";
import { insertInboxEvent } from "@/server/payments/payment-event-repository";
import type { PaymentProvider, ProviderEvent, ProviderName } from "@/server/payments/payment-provider";

/**
 * Puts a provider's event in the inbox, once per event id, and announces it to the job worker at
 * commit (the worker applies it: apply-payment-event.ts). The webhook route and the demo provider both
 * come through here, so there is one way in and one way of applying. Events the app does not act on
 * are acknowledged without being stored.
 */
export async function storePaymentEvent(
  db: Db,
  provider: ProviderName,
  event: ProviderEvent,
  now: Date,
): Promise<"stored" | "duplicate" | "ignored"> {
  if (event.type === "ignored") return "ignored";
  const payload = encodeProviderEvent(event);
  // PostgreSQL's jsonb cannot hold U+0000; a signed event carrying one is refused, never a 500.
  if (nulBytePaths(payload).length > 0)
    throw new DomainError("VALIDATION_FAILED", { field: "body", reason: "NUL_BYTE" });
  const id = await insertInboxEvent(db, {
    provider,
    eventId: event.id,
    type: inboxTypeOf(event),
    payload,
    receivedAt: now,
  });
  return id === null ? "duplicate" : "stored";
}

/**
 * A webhook delivery: the signature is checked on the raw body before anything is stored (a bad one
 * is VALIDATION_FAILED and writes nothing), then the event goes to the inbox. Fast by design: the
 * provider waits for this answer, the work happens in the job.
 */
export async function receivePaymentWebhook(
  db: Db,
  provider: PaymentProvider,
  rawBody: string,
  signature: string | null,
  now: Date,
) {
  let event: ProviderEvent;
  try {
    event = provider.parseWebhook(rawBody, signature);
  } catch (e) {
    logger.warn(
      { provider: provider.name, err: (e as Error).message },
      "payment webhook refused: bad signature or payload",
    );
    throw new DomainError("VALIDATION_FAILED", { field: "signature", reason: "BAD_SIGNATURE" });
  }
  const outcome = await storePaymentEvent(db, provider.name, event, now);
  return { eventId: event.id, outcome };
}
