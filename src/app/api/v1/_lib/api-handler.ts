import { z } from "zod";
import { staffMayAct } from "@/domain/auth/roles";
import { NUL_BYTE_MESSAGE, nulBytePaths } from "@/domain/shared/nul-bytes";
import { type DomainErrorCode, isDomainError } from "@/domain/shared/domain-error";
import type { ApiBody } from "@/contracts/api-responses";
import type { StaffActor } from "@/server/auth/actor";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import { findActiveApiToken, staffRolesOf, touchApiToken } from "@/server/api/api-token-repository";
import { type ApiResult, requestHash, withIdempotency } from "@/server/api/idempotency";
import { env } from "@/server/config";
import { getDb } from "@/server/db/client";
import { isDatabaseOverload, RETRY_AFTER_SECONDS } from "@/server/db/overload";
import { AdmissionGate } from "@/server/http/admission-gate";
import { logger } from "@/server/logger";

/** HTTP status of each business error; anything unlisted is a 400. */
const STATUS: Partial<Record<DomainErrorCode, number>> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  VALIDATION_FAILED: 400,
  INVALID_TRANSITION: 409,
  ORDER_EXPIRED: 409,
  INVOICE_ALREADY_ISSUED: 409,
  INVOICE_NOT_DRAFT: 409,
  CREDIT_EXCEEDS_BALANCE: 422,
  PAYMENT_EXCEEDS_BALANCE: 422,
  REFUND_EXCEEDS_PAYMENT: 422,
  INVOICE_HAS_PAYMENTS: 422,
  EMPTY_INVOICE: 422,
  CURRENCY_MISMATCH: 422,
  INVALID_PERIOD: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  BILLING_RUN_IN_PROGRESS: 409,
  AS_OF_IN_FUTURE: 422,
  MANUAL_STATUS_CHANGES_DISABLED: 409,
  HELD_EMAIL_DECIDED: 409,
  HOUR_BANK_NO_TIERS: 422,
};

export const json = (status: number, body: unknown): ApiResult => ({ status, body });
/**
 * A success answer typed by the schema the OpenAPI document shows for it: a documented field the body
 * lacks or mistypes is a compile error in the route (an extra field is caught by the contract test).
 */
export const reply = <S extends z.ZodType>(status: 200 | 201, _documented: S, body: ApiBody<S>): ApiResult => ({ status, body });
export const notFound = (what: string) => json(404, errorBody("NOT_FOUND", `${what} not found`));
const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

/** zod issues as { field: "lines.0.quantity", reason } pairs, the shape API clients can act on. */
export function validationError(error: z.ZodError): ApiResult {
  const issues = error.issues.map((i) => ({ field: i.path.join(".") || "(body)", reason: i.message }));
  return json(400, errorBody("VALIDATION_FAILED", "The request is not valid.", { issues }));
}

/** A 400 naming every field whose raw value holds a NUL byte (PostgreSQL cannot store one), or null. */
function nulByteError(raw: unknown, prefix: string[] = []): ApiResult | null {
  const paths = nulBytePaths(raw);
  if (paths.length === 0) return null;
  const issues = paths.map((p) => ({ field: [...prefix, ...p].join(".") || "(body)", reason: NUL_BYTE_MESSAGE }));
  return json(400, errorBody("VALIDATION_FAILED", "The request is not valid.", { issues }));
}

/** A body is JSON only when it says so: `application/json` or a `+json` type, parameters allowed. */
const isJsonContentType = (value: string | null) => !!value && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(value.trim());

const busy = (): ApiResult => json(503, errorBody("SERVICE_BUSY", `The service is busy; retry in ${RETRY_AFTER_SECONDS} seconds.`));

function toResult(e: unknown): ApiResult {
  if (e instanceof z.ZodError) return validationError(e);
  if (isDatabaseOverload(e)) {
    logger.warn({ err: e instanceof Error ? e.message : String(e) }, "api: database overloaded, answered 503");
    return busy();
  }
  if (isDomainError(e)) {
    const field = typeof e.details?.field === "string" ? e.details.field : undefined;
    const reason = typeof e.details?.reason === "string" ? e.details.reason : undefined;
    return json(STATUS[e.code] ?? 400, errorBody(e.code, e.code.toLowerCase().replaceAll("_", " "), field || reason ? { issues: [{ field: field ?? "(body)", reason: reason ?? e.code }] } : {}));
  }
  logger.error({ err: e instanceof Error ? e.message : String(e) }, "api: unexpected error");
  return json(500, errorBody("INTERNAL", "Something went wrong."));
}

/**
 * Bearer token -> the staff actor the API acts as (the token itself, for the audit trail). The token's
 * creator must still be an admin or billing staff member; tokens made from the shell act as admin.
 */
export async function authenticate(request: Request): Promise<{ actor: StaffActor; tokenId: string } | ApiResult> {
  const header = request.headers.get("authorization") ?? "";
  const m = header.match(/^Bearer\s+(\S+)$/i);
  if (!m?.[1]) return json(401, errorBody("UNAUTHENTICATED", "Send a staff API token as 'Authorization: Bearer <token>'."));
  const db = getDb();
  const token = await findActiveApiToken(db, hashSecretToken(m[1]));
  if (!token) return json(401, errorBody("UNAUTHENTICATED", "This API token is unknown or revoked."));
  if (token.createdById) {
    const creator = await staffRolesOf(db, token.createdById);
    if (!creator || !staffMayAct(creator.staffRoles, ["BILLING"])) return json(403, errorBody("FORBIDDEN", "The owner of this token may no longer use the billing API."));
  }
  await touchApiToken(db, token.id, new Date());
  return { tokenId: token.id, actor: { id: token.id, email: `api-token:${token.name}`, name: token.name } };
}

export interface ApiContext<B, Q> {
  actor: StaffActor;
  params: Record<string, string>;
  body: B;
  query: Q;
  request: Request;
}

const respond = (r: ApiResult) =>
  Response.json(r.body, { status: r.status, headers: { "Cache-Control": "no-store", ...(r.status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {}) } });

/**
 * API requests in flight per process: twice the pool by default (one waits for its connection while
 * another runs), then a bounded queue; beyond that a burst is answered 503 with Retry-After at once.
 */
let gate: AdmissionGate | undefined;
const apiGate = () => {
  const e = env();
  gate ??= new AdmissionGate(e.API_MAX_CONCURRENT ?? e.DB_POOL_SIZE * 2, e.API_MAX_QUEUED, 10_000);
  return gate;
};

/**
 * Every /api/v1 route goes through here: authentication, zod parsing of path, query and body with
 * precise 400s, Idempotency-Key on POST, and DomainError codes mapped to statuses. Never a stack trace.
 */
export function apiHandler<B = undefined, Q = undefined>(
  schemas: { body?: z.ZodType<B>; query?: z.ZodType<Q>; params?: z.ZodType<Record<string, string>> },
  handle: (ctx: ApiContext<B, Q>) => Promise<ApiResult>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const release = await apiGate().enter();
    if (!release) return respond(busy());
    try {
      return await handleAdmitted(request, context);
    } finally {
      release();
    }
  };

  async function handleAdmitted(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
    try {
      const auth = await authenticate(request);
      if (!("actor" in auth)) return respond(auth);
      const rawParams = (await context.params) ?? {};
      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      const unsafe = nulByteError(rawParams) ?? nulByteError(rawQuery);
      if (unsafe) return respond(unsafe);
      const params = schemas.params ? schemas.params.safeParse(rawParams) : { success: true as const, data: rawParams };
      if (!params.success) return respond(json(404, errorBody("NOT_FOUND", "not found")));
      const query = schemas.query ? schemas.query.safeParse(rawQuery) : { success: true as const, data: undefined as Q };
      if (!query.success) return respond(validationError(query.error));
      let rawBody: unknown;
      if (schemas.body) {
        if (!isJsonContentType(request.headers.get("content-type"))) {
          return respond(json(415, errorBody("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with 'Content-Type: application/json'.")));
        }
        try {
          rawBody = await request.json();
        } catch {
          return respond(json(400, errorBody("MALFORMED_JSON", "The body must be a JSON document.")));
        }
        const unsafeBody = nulByteError(rawBody);
        if (unsafeBody) return respond(unsafeBody);
      }
      const body = schemas.body ? schemas.body.safeParse(rawBody) : { success: true as const, data: undefined as B };
      const run = async (): Promise<ApiResult> => {
        if (!body.success) return validationError(body.error);
        try {
          return await handle({ actor: auth.actor, params: params.data, body: body.data as B, query: query.data as Q, request });
        } catch (e) {
          return toResult(e);
        }
      };
      const key = request.headers.get("idempotency-key");
      if (request.method === "POST" && key) {
        if (key.length > 200) return respond(json(400, errorBody("VALIDATION_FAILED", "Idempotency-Key is too long (200 characters at most).")));
        const path = new URL(request.url).pathname;
        return respond(await withIdempotency(getDb(), { tokenId: auth.tokenId, key, method: "POST", path, hash: requestHash("POST", path, rawBody) }, new Date(), run));
      }
      return respond(await run());
    } catch (e) {
      return respond(toResult(e));
    }
  }
}

export const ZUuidParams = (...names: string[]) => z.object(Object.fromEntries(names.map((n) => [n, z.string().uuid()]))) as unknown as z.ZodType<Record<string, string>>;
