import { z } from "zod";
import { ZInboundMailJson } from "@/contracts/inbound-email";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";
import { INBOUND_MAX_BYTES, inboundMailSecret, isInboundMailAuthorised } from "@/server/support/intake/intake-config";
import { messageFromJson, parseRawEmail } from "@/server/support/intake/parse-inbound-email";
import { NotADeskAddress, receiveSupportEmail } from "@/server/support/intake/receive-support-email";

/** Machines read these answers: JSON, never cached. */
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
const invalid = (issues: { field: string; reason: string }[]) => json(422, { error: { code: "VALIDATION_FAILED", issues } });

/** Envelope recipients a provider may add to a raw message (`?to=support@…`, repeatable). */
const ZEnvelope = z.array(z.email().max(320).refine((v) => !v.includes("\u0000"), NUL_BYTE_MESSAGE)).max(50);

/**
 * The support desk's webhook door (docs/support-intake.md), for mail providers that post what they
 * receive: a raw message (`Content-Type: message/rfc822`) or their parsed JSON (`ZInboundMailJson`).
 * Authenticated by `Authorization: Bearer <COMPTOIR_INBOUND_MAIL_SECRET>`; without that variable the
 * route does not exist (404). 202 once the message is stored (or was already: same Message-ID),
 * 401 for a wrong secret, 413 over 10 MB, 415 for another body type, 422 per field for a bad body,
 * 503 when it could not be stored (the provider retries; nothing was half-written).
 */
export async function POST(request: Request) {
  const secret = inboundMailSecret();
  if (!secret) return json(404, { error: { code: "NOT_FOUND" } });
  if (!isInboundMailAuthorised(request.headers.get("authorization"), secret)) {
    return json(401, { error: { code: "UNAUTHORIZED" } }, { "WWW-Authenticate": 'Bearer realm="inbound-mail"' });
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > INBOUND_MAX_BYTES) return json(413, { error: { code: "TOO_LARGE", maxBytes: INBOUND_MAX_BYTES } });
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "message/rfc822" && type !== "application/json") return json(415, { error: { code: "UNSUPPORTED_MEDIA_TYPE", accepted: ["message/rfc822", "application/json"] } });
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > INBOUND_MAX_BYTES) return json(413, { error: { code: "TOO_LARGE", maxBytes: INBOUND_MAX_BYTES } });

  const arrivedAt = new Date();
  let message: Awaited<ReturnType<typeof parseRawEmail>>;
  if (type === "application/json") {
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString("utf8"));
    } catch {
      return invalid([{ field: "(body)", reason: "not valid JSON" }]);
    }
    const parsed = ZInboundMailJson.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", reason: i.message })));
    message = messageFromJson(parsed.data);
  } else {
    const envelope = ZEnvelope.safeParse(new URL(request.url).searchParams.getAll("to"));
    if (!envelope.success) return invalid(envelope.error.issues.map((i) => ({ field: `to.${i.path.join(".")}`, reason: i.message })));
    if (body.length === 0) return invalid([{ field: "(body)", reason: "empty message" }]);
    message = await parseRawEmail(body, envelope.data);
    if (!z.email().safeParse(message.from.address).success) return invalid([{ field: "from", reason: "the message has no valid From address" }]);
  }

  try {
    const result = await receiveSupportEmail(getDb(), message, arrivedAt, new Date());
    return json(202, { accepted: true, duplicate: !result.accepted, outcome: result.outcome });
  } catch (e) {
    if (e instanceof NotADeskAddress) return invalid([{ field: "to", reason: "not a support desk address" }]);
    logger.error({ err: (e as Error).message }, "inbound mail webhook: could not store a message");
    return json(503, { error: { code: "TEMPORARILY_UNAVAILABLE" } }, { "Retry-After": "60" });
  }
}
