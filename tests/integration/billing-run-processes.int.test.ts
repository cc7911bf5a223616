import { type ChildProcess, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { makeProducts } from "../support/factories";

const db = getDb();
const env = { ...process.env, COMPTOIR_TEST_CLOCK: "1", BILLING_RUN_LEASE_SECONDS: "2", BILLING_RUN_BATCH_SIZE: "100", LOG_LEVEL: "silent" };
// Its own process group: tsx runs the script in a child process, and a kill must reach both.
const billing = (asOf: string) => spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tools/billing.ts", "--as-of", asOf], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
const exit = (p: ChildProcess) => new Promise<number | null>((resolve) => p.on("exit", (code) => resolve(code)));

/** Customers whose monthly subscriptions renew on `renewal`, made in one statement each. */
async function renewingCustomers(count: number, renewal: string, tag: string) {
  const { server } = await makeProducts();
  await db.$executeRaw`
    WITH c AS (
      INSERT INTO customers (id, legal_name, billing_email, updated_at)
      SELECT gen_random_uuid(), ${tag} || ' ' || g, lower(${tag}) || g || '@example.com', now() FROM generate_series(1, ${count}::int) g RETURNING id)
    INSERT INTO subscriptions (id, customer_id, product_id, description, quantity, unit_amount_minor, currency, tax_rate_bp, cycle, anchor_day, current_period_start, current_period_end)
    SELECT gen_random_uuid(), c.id, ${server.id}::uuid, 'Serveur', 1, 9900, 'EUR', 2000, 'MONTHLY', 1, ${renewal}::date - interval '1 month', ${renewal}::date FROM c`;
}
const invoicesOf = (tag: string) =>
  db.$queryRaw<{ invoices: number; customers: number }[]>`
    SELECT count(i.id)::int AS invoices, count(DISTINCT c.id)::int AS customers
    FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE c.legal_name LIKE ${`${tag} %`}`;

describe("billing runs from separate processes", () => {
  it("two processes at once: one works, the other is refused (exit 3) or finds nothing left; every invoice exists once", async () => {
    const tag = `Twin${Date.now()}`;
    await renewingCustomers(60, "2027-01-01", tag);
    await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
    const [a, b] = [billing("2026-12-17"), billing("2026-12-17")];
    const codes = await Promise.all([exit(a), exit(b)]);
    expect(codes.every((c) => c === 0 || c === 3)).toBe(true);
    expect(codes).toContain(0);
    expect((await invoicesOf(tag))[0]).toEqual({ invoices: 60, customers: 60 });
  });

  it("killed mid-run and run again, it finishes with nothing duplicated and nothing lost", async () => {
    const tag = `Killed${Date.now()}`;
    await renewingCustomers(400, "2027-02-01", tag);
    await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
    const first = billing("2027-01-17");
    // Kill it outright once it has issued some invoices but not all.
    await expect.poll(async () => (await invoicesOf(tag))[0]?.invoices ?? 0, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    const exited = exit(first);
    process.kill(-(first.pid ?? 0), "SIGKILL");
    await exited;
    const partial = (await invoicesOf(tag))[0]?.invoices ?? 0;
    expect(partial).toBeLessThan(400);
    // Its lease runs out (2 s here), then the next run takes over and completes the rest.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await exit(billing("2027-01-17"))).toBe(0);
    expect((await invoicesOf(tag))[0]).toEqual({ invoices: 400, customers: 400 });
    const claims = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM renewal_claims r JOIN subscriptions s ON s.id = r.subscription_id JOIN customers c ON c.id = s.customer_id
      WHERE c.legal_name LIKE ${`${tag} %`}`;
    expect(claims[0]?.n).toBe(400);
  });
});
