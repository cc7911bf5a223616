import { isDomainError } from "@/domain/shared/domain-error";
import { getDb } from "@/server/db/client";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { receivePaymentWebhook } from "@/server/payments/receive-payment-webhook";

/** Webhooks are for machines: JSON answers, never cached. */
const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The payment provider's webhook (ADR 0019). Outside /api/v1, which wants an API token: the provider
 * authenticates with its signature on the raw body instead (src/proxy.ts leaves /api/ alone, and no
 * session is needed). The event goes to the inbox and the job worker applies it, so the answer is
 * fast: 200 for a new or repeated event, 400 (nothing stored) for a bad signature, 404 for a provider
 * that is not the active one. The demo provider writes its events to the inbox itself.
 */
export async function POST(request: Request, context: { params: Promise<{ provider: string }> }) {
  const { provider: name } = await context.params;
  const db = getDb();
  const provider = activePaymentProvider(db);
  if (name !== "stripe" || provider.name !== "stripe") return json(404, { error: { code: "NOT_FOUND" } });
  const rawBody = await request.text();
  try {
    const { eventId, outcome } = await receivePaymentWebhook(
      db,
      provider,
      rawBody,
      request.headers.get("stripe-signature"),
      new Date(),
    );
    return json(200, { received: true, eventId, duplicate: outcome === "duplicate" });
  } catch (e) {
    if (isDomainError(e) && e.code === "VALIDATION_FAILED")
      return json(400, {
        error: { code: "VALIDATION_FAILED", field: e.details?.field, reason: e.details?.reason },
      });
    throw e;
  }
}
