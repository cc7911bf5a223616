// Benchmark behind ADR 0015, the app's own path: an e-mail written to the outbox in a transaction
// until a local SMTP sink has received it, through the job worker (NOTIFY at commit → delivery job →
// SMTP). One at a time (latency), next to the floor (the same SMTP conversation alone), then a burst
// of 500 written in one transaction (as a billing run would), drained by one and by two worker
// instances (4 deliveries at once each, the default). Uses TEST_DATABASE_URL's server like the tests
// (TEST_DATABASE_URL=embedded for the embedded one); results merge into bench/results/outbox-delivery.json.
//   npx tsx bench/outbox-delivery.ts
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { createPrismaClient } from "@/server/db/client";
import type { RootDb } from "@/server/db/types";
import { type JobQueue, startJobQueue } from "@/server/jobs/job-queue";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { smtpTransport } from "@/server/mail/transport";
import { createFreshDatabase } from "../tools/lib/test-database.mjs";
import { percentile } from "./lib/measure";

const SINGLE = 50;
const BURST = 500;
process.env.LOG_LEVEL ??= "warn";

const received = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disableReverseLookup: true, // the sink's own DNS lookup of 127.0.0.1 is not the app's cost
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      for (const r of session.envelope.rcptTo) received.set(r.address, performance.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const database = await createFreshDatabase("comptoir_bench");
const writer = createPrismaClient(database.url, 4);
const message = (to: string) => ({
  template: "passwordReset" as const,
  params: {
    name: to,
    link: "http://comptoir.test/reset-password?token=t",
    expiresAt: new Date(Date.now() + 3600_000),
  },
});
const write = (db: RootDb, addresses: string[]) =>
  db.$transaction(
    async (tx) => {
      for (const to of addresses) await enqueueEmail(tx, to, "en", message(to), `bench:${to}`, new Date());
    },
    { timeout: 120_000 },
  );
const until = async (done: () => boolean, limitMs: number) => {
  const t = performance.now();
  while (!done() && performance.now() - t < limitMs) await new Promise((r) => setTimeout(r, 2));
};

const queues: JobQueue[] = [];
try {
  queues.push(await startJobQueue(database.url));
  await new Promise((r) => setTimeout(r, 500)); // the listener's first connection and the start sweep

  // The floor: the same SMTP conversation without the outbox or the queue (nodemailer to the sink).
  const floor: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await smtpTransport()?.send({
      to: `floor-${i}@bench.test`,
      subject: "floor",
      html: "<p>x</p>",
      text: "x",
    });
    floor.push(performance.now() - t);
  }

  const latencies: number[] = [];
  for (let i = 0; i < SINGLE; i++) {
    const to = `single-${i}@bench.test`;
    await write(writer, [to]);
    const committed = performance.now();
    await until(() => received.has(to), 10_000);
    latencies.push((received.get(to) ?? Number.NaN) - committed);
    await new Promise((r) => setTimeout(r, Math.random() * 100));
  }

  const bursts: Record<string, unknown>[] = [];
  for (const instances of [1, 2]) {
    while (queues.length < instances) queues.push(await startJobQueue(database.url));
    const addresses = Array.from({ length: BURST }, (_, i) => `burst-${instances}-${i}@bench.test`);
    const t = performance.now();
    await write(writer, addresses);
    const committed = performance.now();
    await until(() => addresses.every((a) => received.has(a)), 120_000);
    const last = Math.max(...addresses.map((a) => received.get(a) ?? Number.POSITIVE_INFINITY));
    const sent = await writer.outboundEmail.count({
      where: { toAddress: { in: addresses }, status: "SENT" },
    });
    bursts.push({
      instances,
      concurrencyPerInstance: 4,
      emails: BURST,
      writeMs: Math.round(committed - t),
      allReceivedMs: Math.round(last - committed),
      emailsPerSecond: Math.round((BURST / (last - committed)) * 1000),
      markedSent: sent,
    });
  }

  const result = {
    date: new Date().toISOString(),
    database: database.kind,
    smtpAloneP50Ms: percentile(floor, 50),
    oneAtATime: {
      emails: SINGLE,
      commitToSmtpP50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: percentile(latencies, 100),
    },
    burstInOneTransaction: bursts,
  };
  const file = "bench/results/outbox-delivery.json";
  const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  all[database.kind] = result;
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await Promise.all(queues.map((q) => q.stop()));
  await writer.$disconnect();
  await database.drop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}
