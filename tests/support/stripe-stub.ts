import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A local stand-in for the Stripe API, answering only the endpoints Comptoir calls, so the real
 * `stripe` client and our Stripe provider are tested without network (STRIPE_API_BASE points the
 * client here). It records every request and honours `Idempotency-Key` as Stripe does (the same key
 * answers the same object), so a test can count the objects really created: "one charge".
 * `succeed`, `fail`, `requireAction` play the browser and the bank; `event` builds the webhook event
 * Stripe would send, which `sign` signs with the library's own test-header helper.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string | null;
}

type Obj = Record<string, unknown> & { id: string };

export const STUB_WEBHOOK_SECRET = "whsec_test_comptoir_stub";

/** Stripe's form encoding (`metadata[checkoutId]=…`, `allowed_payment_method_types[0]=card`) back to an object. */
function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter((p) => p !== "");
    let node = out as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else {
        node[part] ??= {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return out;
}

const listOf = (v: unknown): string[] =>
  v && typeof v === "object" ? Object.values(v as Record<string, string>) : [];

export interface StripeStub {
  url: string;
  requests: RecordedRequest[];
  /** Objects created, by kind ("payment_intent", "customer", …), whatever the retries. */
  created(kind: string): Obj[];
  intent(id: string): Obj;
  /** The browser confirmed and the bank accepted: the intent succeeds, paid with a card ending in `last4`. */
  succeed(intentId: string, card?: { brand?: string; last4?: string }): Obj;
  /** The bank declined: back to requires_payment_method with the error, as Stripe does. */
  fail(intentId: string, code?: string): Obj;
  /** 3-D Secure asked for. */
  requireAction(intentId: string): Obj;
  /** The webhook event Stripe would send for an object now, as JSON text. */
  event(type: string, object: Obj, options?: { id?: string; created?: number }): string;
  sign(payload: string, secret?: string): string;
  close(): Promise<void>;
}

export async function startStripeStub(): Promise<StripeStub> {
  const requests: RecordedRequest[] = [];
  const objects = new Map<string, Obj>();
  const createdByKind = new Map<string, Obj[]>();
  const byIdempotencyKey = new Map<string, { status: number; body: unknown }>();
  let seq = 0;
  const now = () => Math.floor(Date.now() / 1000);
  // Unique across stubs: test files share one database, whose unique ids would clash otherwise.
  const run = randomBytes(4).toString("hex");
  const newId = (prefix: string) => `${prefix}_${run}${String(++seq).padStart(6, "0")}`;
  const create = (kind: string, obj: Obj) => {
    objects.set(obj.id, obj);
    createdByKind.set(kind, [...(createdByKind.get(kind) ?? []), obj]);
    return obj;
  };
  const paymentMethod = (card: { brand?: string; last4?: string } = {}): Obj =>
    create("payment_method", {
      id: newId("pm"),
      object: "payment_method",
      type: "card",
      card: {
        brand: card.brand ?? "visa",
        display_brand: card.brand ?? "visa",
        last4: card.last4 ?? "4242",
        exp_month: 12,
        exp_year: 2030,
      },
      customer: null,
      created: now(),
      livemode: false,
      metadata: {},
    });
  const withMethod = (pi: Obj, expand: boolean): Obj => {
    const pm = typeof pi.payment_method === "string" ? objects.get(pi.payment_method) : null;
    return expand && pm ? { ...pi, payment_method: pm } : pi;
  };
  const notFound = (id: string) => ({
    status: 404,
    body: {
      error: { type: "invalid_request_error", code: "resource_missing", message: `No such object: '${id}'` },
    },
  });

  function route(
    method: string,
    path: string,
    body: Record<string, unknown>,
    query: URLSearchParams,
  ): { status: number; body: unknown } {
    const expand =
      listOf(body.expand).includes("payment_method") ||
      query.getAll("expand[]").includes("payment_method") ||
      query.get("expand[0]") === "payment_method";
    /** The id in a path like /v1/payment_intents/:id, or null when the path is not that one. */
    const idIn = (re: RegExp) => path.match(re)?.[1] ?? null;
    const intentId = idIn(/^\/v1\/payment_intents\/([^/]+)$/);
    const confirmId = idIn(/^\/v1\/payment_intents\/([^/]+)\/confirm$/);
    const methodId = idIn(/^\/v1\/payment_methods\/([^/]+)$/);
    const detachId = idIn(/^\/v1\/payment_methods\/([^/]+)\/detach$/);
    if (method === "POST" && path === "/v1/customers") {
      return {
        status: 200,
        body: create("customer", {
          id: newId("cus"),
          object: "customer",
          email: body.email ?? null,
          name: body.name ?? null,
          metadata: body.metadata ?? {},
          created: now(),
          livemode: false,
        }),
      };
    }
    if (method === "POST" && path === "/v1/payment_intents") {
      const pi = create("payment_intent", {
        id: newId("pi"),
        object: "payment_intent",
        amount: Number(body.amount),
        currency: String(body.currency),
        customer: body.customer ?? null,
        status: "requires_payment_method",
        client_secret: "",
        payment_method: body.payment_method ?? null,
        allowed_payment_method_types: listOf(body.allowed_payment_method_types),
        payment_method_types: listOf(body.allowed_payment_method_types),
        setup_future_usage: body.setup_future_usage ?? null,
        last_payment_error: null,
        latest_charge: null,
        metadata: body.metadata ?? {},
        created: now(),
        livemode: false,
      });
      pi.client_secret = `${pi.id}_secret_stub`;
      if (body.confirm === "true" && body.payment_method) pi.status = "succeeded";
      return { status: 200, body: pi };
    }
    if (method === "GET" && intentId) {
      const id = intentId;
      const pi = objects.get(id);
      return pi ? { status: 200, body: withMethod(pi, expand) } : notFound(id);
    }
    if (method === "POST" && confirmId) {
      const id = confirmId;
      const pi = objects.get(id);
      if (!pi) return notFound(id);
      pi.payment_method = (body.payment_method as string | undefined) ?? paymentMethod().id;
      pi.status = "succeeded";
      return { status: 200, body: pi };
    }
    if (method === "GET" && path === "/v1/payment_intents") {
      const gte = Number(query.get("created[gte]") ?? 0);
      const lt = Number(query.get("created[lt]") ?? Number.MAX_SAFE_INTEGER);
      const after = query.get("starting_after");
      const limit = Number(query.get("limit") ?? 10);
      let all = (createdByKind.get("payment_intent") ?? [])
        .filter((p) => (p.created as number) >= gte && (p.created as number) < lt)
        .reverse();
      if (after) all = all.slice(all.findIndex((p) => p.id === after) + 1);
      return {
        status: 200,
        body: {
          object: "list",
          url: "/v1/payment_intents",
          has_more: all.length > limit,
          data: all.slice(0, limit),
        },
      };
    }
    if (method === "POST" && path === "/v1/setup_intents") {
      const si = create("setup_intent", {
        id: newId("seti"),
        object: "setup_intent",
        customer: body.customer ?? null,
        status: "requires_payment_method",
        payment_method: null,
        usage: body.usage ?? "off_session",
        metadata: body.metadata ?? {},
        created: now(),
        livemode: false,
        client_secret: "",
      });
      si.client_secret = `${si.id}_secret_stub`;
      return { status: 200, body: si };
    }
    if (method === "GET" && methodId) {
      const id = methodId;
      const pm = objects.get(id);
      return pm ? { status: 200, body: pm } : notFound(id);
    }
    if (method === "POST" && detachId) {
      const id = detachId;
      const pm = objects.get(id);
      if (!pm) return notFound(id);
      pm.customer = null;
      return { status: 200, body: pm };
    }
    if (method === "POST" && path === "/v1/refunds") {
      return {
        status: 200,
        body: create("refund", {
          id: newId("re"),
          object: "refund",
          amount: Number(body.amount),
          currency: "eur",
          payment_intent: body.payment_intent,
          status: "succeeded",
          metadata: body.metadata ?? {},
          created: now(),
        }),
      };
    }
    return {
      status: 404,
      body: { error: { type: "invalid_request_error", message: `stub: no route ${method} ${path}` } },
    };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stub");
      const text = Buffer.concat(chunks).toString("utf8");
      const body = req.method === "GET" ? parseForm(url.searchParams.toString()) : parseForm(text);
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      requests.push({ method: req.method ?? "", path: url.pathname, body, idempotencyKey: key });
      const scoped = key ? `${req.method} ${url.pathname} ${key}` : null;
      const answer =
        (scoped && byIdempotencyKey.get(scoped)) ||
        route(req.method ?? "", url.pathname, body, url.searchParams);
      if (scoped && answer.status < 500) byIdempotencyKey.set(scoped, answer);
      res.writeHead(answer.status, { "Content-Type": "application/json", "Request-Id": `req_${++seq}` });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stripe = new Stripe("sk_test_stub");

  const intent = (id: string) => {
    const pi = objects.get(id);
    if (!pi) throw new Error(`stub: no intent ${id}`);
    return pi;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    created: (kind) => createdByKind.get(kind) ?? [],
    intent,
    succeed(id, card) {
      const pi = intent(id);
      pi.payment_method = paymentMethod(card).id;
      pi.status = "succeeded";
      pi.last_payment_error = null;
      return pi;
    },
    fail(id, code = "card_declined") {
      const pi = intent(id);
      pi.payment_method = null;
      pi.status = "requires_payment_method";
      pi.last_payment_error = {
        type: "card_error",
        code,
        decline_code: code === "card_declined" ? "generic_decline" : undefined,
      };
      return pi;
    },
    requireAction(id) {
      const pi = intent(id);
      pi.status = "requires_action";
      return pi;
    },
    event(type, object, options = {}) {
      return JSON.stringify({
        id: options.id ?? newId("evt"),
        object: "event",
        api_version: "2026-10-28.endive",
        created: options.created ?? now(),
        type,
        data: { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      });
    },
    sign: (payload, secret = STUB_WEBHOOK_SECRET) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
