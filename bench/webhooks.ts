// Benchmark behind ADR 0016. (1) What the fan-out trigger costs the writers of billing_events: 10,000
// single-row inserts (as the billing run makes them, one per action) with the trigger disabled (the
// floor), enabled with no endpoint, with 1 and with 5 endpoints. (2) Delivery through the job worker to
// a local HTTP receiver: one event at a time (commit → received) next to the floor (the same POST
// alone), then a burst of 500 events in one transaction drained by one worker (4 at once).
// Uses TEST_DATABASE_URL's server like the tests; results merge into bench/results/webhooks.json.
//   npx tsx bench/webhooks.ts
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createPrismaClient } from "@/server/db/client";
import { type JobQueue, startJobQueue } from "@/server/jobs/job-queue";
import { createFreshDatabase } from "../tools/lib/test-database.mjs";
import { percentile } from "./lib/measure";

const INSERTS = 10_000;
const SINGLE = 30;
const BURST = 500;
process.env.LOG_LEVEL ??= "warn";

const received = new Map<string, number>();
const receiver = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    received.set(String(req.headers["comptoir-event-id"]), performance.now());
    res.end("ok");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

const database = await createFreshDatabase("comptoir_bench");
const db = createPrismaClient(database.url, 4);
const until = async (done: () => boolean, limitMs: number) => {
  const t = performance.now();
  while (!done() && performance.now() - t < limitMs) await new Promise((r) => setTimeout(r, 2));
};
const addEndpoints = (n: number) =>
  db.$executeRawUnsafe(
    `INSERT INTO webhook_endpoints (id, url, secret) SELECT gen_random_uuid(), '${url}', 'whsec_bench' FROM generate_series(1, ${n})`,
  );

/** 10,000 single-row INSERTs in one PL/pgSQL loop (no client round trips: only the database's cost). */
async function inserts(label: string): Promise<number> {
  const t = performance.now();
  await db.$executeRawUnsafe(`DO $$ BEGIN FOR i IN 1..${INSERTS} LOOP
    INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, at)
    VALUES ('${label}:' || i, 'SUSPENDED', 'BENCH', gen_random_uuid(), gen_random_uuid(), now()); END LOOP; END $$`);
  return Math.round(performance.now() - t);
}

const queues: JobQueue[] = [];
try {
  // Each configuration 3 times, after a warm-up, the median kept (the machine is shared).
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const trigger = (on: boolean) =>
    db.$executeRawUnsafe(
      `ALTER TABLE billing_events ${on ? "ENABLE" : "DISABLE"} TRIGGER billing_events_webhooks`,
    );
  await inserts("warm-up");
  const runs: Record<string, number[]> = { noTriggerMs: [], noEndpointMs: [] };
  for (let r = 0; r < 3; r++) {
    await trigger(false);
    runs.noTriggerMs?.push(await inserts(`floor-${r}`));
    await trigger(true);
    runs.noEndpointMs?.push(await inserts(`none-${r}`));
  }
  const fanOut: Record<string, number> = {
    noTriggerMs: median(runs.noTriggerMs ?? []),
    noEndpointMs: median(runs.noEndpointMs ?? []),
  };
  await addEndpoints(1);
  fanOut.oneEndpointMs = await inserts("one");
  await addEndpoints(4);
  fanOut.fiveEndpointsMs = await inserts("five");
  // Those deliveries are not what part 2 measures: keep one endpoint, nothing pending.
  await db.$executeRawUnsafe(
    "DELETE FROM webhook_endpoints WHERE id <> (SELECT id FROM webhook_endpoints LIMIT 1)",
  );
  await db.$executeRawUnsafe("UPDATE webhook_deliveries SET status = 'SUCCEEDED'");

  queues.push(await startJobQueue(database.url));
  await new Promise((r) => setTimeout(r, 500)); // the listener's first connection and the start sweep

  const floor: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Comptoir-Event-Id": `floor-${i}` },
      body: "{}",
    });
    floor.push(performance.now() - t);
  }

  const event = async (n: number, label: string) => {
    const rows = await db.$queryRawUnsafe<{ id: bigint }[]>(
      `INSERT INTO billing_events (key, kind, cause, customer_id, invoice_id, at)
       SELECT '${label}:' || i, 'PAYMENT_RECORDED', 'BENCH', gen_random_uuid(), gen_random_uuid(), now() FROM generate_series(1, ${n}) i RETURNING id`,
    );
    return rows.map((r) => `evt_${r.id}`);
  };
  const latencies: number[] = [];
  for (let i = 0; i < SINGLE; i++) {
    const [id] = await event(1, `single-${i}`);
    const committed = performance.now();
    await until(() => received.has(id ?? ""), 10_000);
    latencies.push((received.get(id ?? "") ?? Number.NaN) - committed);
    await new Promise((r) => setTimeout(r, Math.random() * 100));
  }

  const t = performance.now();
  const ids = await event(BURST, "burst");
  const committed = performance.now();
  await until(() => ids.every((id) => received.has(id)), 180_000);
  const last = Math.max(...ids.map((id) => received.get(id) ?? Number.POSITIVE_INFINITY));
  const succeeded = await db.webhookDelivery.count({
    where: { eventKey: { startsWith: "burst:" }, status: "SUCCEEDED" },
  });

  const result = {
    date: new Date().toISOString(),
    database: database.kind,
    fanOut: {
      inserts: INSERTS,
      ...fanOut,
      perEventNoEndpointUs: Math.round(
        (((fanOut.noEndpointMs ?? 0) - (fanOut.noTriggerMs ?? 0)) / INSERTS) * 1000,
      ),
    },
    postAloneP50Ms: percentile(floor, 50),
    oneAtATime: {
      events: SINGLE,
      commitToReceivedP50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: percentile(latencies, 100),
    },
    burstInOneTransaction: {
      events: BURST,
      writeMs: Math.round(committed - t),
      allReceivedMs: Math.round(last - committed),
      deliveriesPerSecond: Math.round((BURST / (last - committed)) * 1000),
      markedSucceeded: succeeded,
    },
  };
  const file = "bench/results/webhooks.json";
  const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  all[database.kind] = result;
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await Promise.all(queues.map((q) => q.stop()));
  await db.$disconnect();
  await database.drop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
}
