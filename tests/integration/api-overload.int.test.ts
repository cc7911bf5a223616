import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";

// A tiny gate for this file only: two API requests at once, two more may wait, the rest get 503.
process.env.API_MAX_CONCURRENT = "2";
process.env.API_MAX_QUEUED = "2";

const { GET: listInvoices } = await import("@/app/api/v1/invoices/route");
const { createApiToken } = await import("@/server/api/manage-api-tokens");
const { getDb } = await import("@/server/db/client");
const { isDatabaseOverload } = await import("@/server/db/overload");

describe("a burst of API requests", () => {
  it("is answered 200 up to what the gate admits and 503 with Retry-After beyond it, never 500", async () => {
    const { token } = await createApiToken(getDb(), null, `burst-${Date.now()}`, new Date());
    const call = () =>
      listInvoices(new Request("http://comptoir.test/api/v1/invoices?limit=100", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const answers = await Promise.all(Array.from({ length: 30 }, call));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(4);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const refused = answers.find((r) => r.status === 503);
    expect(refused?.headers.get("retry-after")).toBe("2");
    expect(await refused?.json()).toMatchObject({ error: { code: "SERVICE_BUSY" } });
    // Once the burst is over, everyone is served again.
    expect((await call()).status).toBe(200);
  });
});

describe("database overload errors", () => {
  it("recognises a statement cancelled by statement_timeout and a transaction that found no slot", async () => {
    const db = getDb();
    const timedOut = await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 50");
        await tx.$queryRawUnsafe("SELECT pg_sleep(1)");
      })
      .catch((e: unknown) => e);
    expect(isDatabaseOverload(timedOut)).toBe(true);
    const noSlot = new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion: "7" });
    expect(isDatabaseOverload(noSlot)).toBe(true);
    const division = await db.$queryRawUnsafe("SELECT 1/0").catch((e: unknown) => e);
    expect(isDatabaseOverload(division)).toBe(false);
  });
});
