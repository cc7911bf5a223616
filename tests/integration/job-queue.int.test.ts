import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { createPrismaClient, getDb } from "@/server/db/client";
import type { RootDb } from "@/server/db/types";
import { inviteCustomerUser } from "@/server/invitations/invite-customer-user";
import { dailyJobId, enqueueDailyJob, scheduleDailyJob } from "@/server/jobs/daily-job";
import { type JobQueue, type JobQueueOptions, startJobQueue } from "@/server/jobs/job-queue";
import { JOB, tickQueueOf } from "@/server/jobs/job-names";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { startEmbeddedPostgres } from "../../tools/lib/embedded-postgres.mjs";
import { withDatabase } from "../../tools/lib/test-database.mjs";
import { deployMigrations } from "../../tools/prisma-engine/migrations.mjs";
import { ctx, makeCustomer, makeStaff, uniqueEmail } from "../support/factories";

const databaseUrl = inject("databaseUrl");
const db = getDb();
const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
const running: JobQueue[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((q) => q.stop()));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** A queue that the next afterEach stops; quick polling so tests do not wait on the 2 s default. */
async function start(options: JobQueueOptions = {}, url = databaseUrl) {
  const queue = await startJobQueue(url, { pollingIntervalSeconds: 0.5, poolSize: 3, ...options });
  running.push(queue);
  return queue;
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}; last seen: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const deliveredTo = (address: string) => received.filter((m) => m.to.includes(address));

/** A password-reset e-mail written to the outbox in its own transaction, as a use-case would. */
async function writeEmail(client: RootDb, to: string): Promise<string> {
  const dedupeKey = `job-queue-test:${to}`;
  await client.$transaction(async (tx) => {
    const message = {
      template: "passwordReset" as const,
      params: {
        name: to,
        link: "http://comptoir.test/reset-password?token=t",
        expiresAt: new Date(Date.now() + 3600_000),
      },
    };
    await enqueueEmail(tx, to, "en", message, dedupeKey, new Date());
  });
  return (await client.outboundEmail.findUniqueOrThrow({ where: { dedupeKey } })).id;
}

const rowOf = (id: string, client: RootDb = db) => client.outboundEmail.findUniqueOrThrow({ where: { id } });

describe("the job queue", () => {
  it("installs its own schema on a freshly migrated database, beside the app's tables", async () => {
    const before = await db.$queryRaw<
      { table_name: string }[]
    >`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`;
    const queue = await start();
    const [version] = await db.$queryRaw<{ version: number }[]>`SELECT version FROM pgboss.version`;
    expect(version?.version).toBeGreaterThan(0);
    const after = await db.$queryRaw<
      { table_name: string }[]
    >`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`;
    expect(after).toEqual(before);
    const queues = (await queue.boss.getQueues()).map((q) => q.name);
    expect(queues).toEqual(expect.arrayContaining([JOB.deliverEmail, JOB.sweepOutbox]));
    expect((await queue.boss.getSchedules()).map((s) => [s.name, s.cron])).toContainEqual([
      JOB.sweepOutbox,
      "* * * * *",
    ]);
  });

  it("delivers an e-mail that a use-case wrote in its transaction, once it commits", async () => {
    await start();
    const customer = await makeCustomer();
    const staff = await makeStaff();
    const email = uniqueEmail("queued");
    await inviteCustomerUser(
      db,
      staff,
      { customerId: customer.id, email, role: "OWNER", locale: "fr" },
      ctx,
      new Date(),
    );
    const { id } = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } });

    const row = await waitFor(
      "the invitation to be sent",
      () => rowOf(id),
      (r) => r.status === "SENT",
    );
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(deliveredTo(email)).toHaveLength(1);
    expect(deliveredTo(email)[0]?.raw).toContain("invitation?token=");
  });

  it("never sends an e-mail whose transaction rolled back", async () => {
    await start();
    const dropped = uniqueEmail("rolled-back");
    await expect(
      db.$transaction(async (tx) => {
        const message = {
          template: "passwordReset" as const,
          params: { name: dropped, link: "http://comptoir.test/x", expiresAt: new Date() },
        };
        await enqueueEmail(tx, dropped, "en", message, `job-queue-test:${dropped}`, new Date());
        throw new Error("the use-case failed");
      }),
    ).rejects.toThrow("the use-case failed");
    const kept = uniqueEmail("committed");
    const id = await writeEmail(db, kept);
    await waitFor(
      "the committed e-mail to be sent",
      () => rowOf(id),
      (r) => r.status === "SENT",
    );
    expect(await db.outboundEmail.count({ where: { toAddress: dropped } })).toBe(0);
    expect(deliveredTo(dropped)).toHaveLength(0);
  });

  it("sends what was written while no worker ran, when the queue starts (the sweep)", async () => {
    const email = uniqueEmail("while-down");
    const id = await writeEmail(db, email);
    await start();
    await waitFor(
      "the e-mail written while down to be sent",
      () => rowOf(id),
      (r) => r.status === "SENT",
    );
    expect(deliveredTo(email)).toHaveLength(1);
  });

  it("gives a pending e-mail whose job already ended a fresh job (the sweep)", async () => {
    // A worker without SMTP completes the job without sending: the e-mail stays pending.
    const blind = await start({ transport: () => null });
    const email = uniqueEmail("job-ended");
    const id = await writeEmail(db, email);
    expect(await blind.ensureEmailDelivery(id)).toBe("queued");
    await waitFor(
      "the job to end",
      () => blind.boss.getJobById(JOB.deliverEmail, id),
      (j) => j?.state === "completed",
    );
    expect((await rowOf(id)).status).toBe("PENDING");
    await Promise.all(running.splice(0).map((q) => q.stop()));

    const queue = await start();
    await waitFor(
      "the e-mail to be sent",
      () => rowOf(id),
      (r) => r.status === "SENT",
    );
    expect(deliveredTo(email)).toHaveLength(1);
    expect(await queue.ensureEmailDelivery(id)).toBe("requeued"); // the sent e-mail's job ended too…
    await waitFor(
      "that job to end",
      () => queue.boss.getJobById(JOB.deliverEmail, id),
      (j) => j?.state === "completed",
    );
    expect(deliveredTo(email)).toHaveLength(1); // …and found nothing left to send
  });

  it("retries a refused e-mail with exponential backoff, then marks it FAILED after five attempts", {
    timeout: 120_000,
  }, async () => {
    const address = uniqueEmail("refused");
    const attempts: number[] = [];
    const refusing = {
      send: async (m: { to: string }) => {
        if (m.to === address) attempts.push(Date.now());
        throw new Error("451 try again later");
      },
    };
    const queue = await start({ transport: () => refusing, retryDelaySeconds: 1 });
    const id = await writeEmail(db, address);

    const row = await waitFor(
      "five refused attempts",
      () => rowOf(id),
      (r) => r.status === "FAILED",
      90_000,
    );
    expect(row).toMatchObject({ status: "FAILED", attempts: 5, lastError: "451 try again later" });
    expect(attempts).toHaveLength(5);
    // pg-boss waits between retry n and n+1 at least retryDelay × 2^(n-1): 1, 2, 4 and 8 s here.
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] ?? t));
    gaps.forEach((gap, n) => {
      expect(gap).toBeGreaterThanOrEqual(1000 * 2 ** n - 50);
    });
    // The last failure completes the job: nothing more will be tried. The handler marks the row
    // FAILED before pg-boss records the completion, so wait for it rather than read it once.
    await waitFor(
      "the last attempt's job to complete",
      () => queue.boss.getJobById(JOB.deliverEmail, id),
      (j) => j?.state === "completed",
    );
    await queue.sweepNow();
    expect((await rowOf(id)).attempts).toBe(5);
  });

  it("delivers each e-mail once when two instances share the database", async () => {
    const other = createPrismaClient(databaseUrl, 3);
    try {
      const [a, b] = [await start(), await start({ db: other })];
      const addresses = Array.from({ length: 20 }, (_, i) => uniqueEmail(`shared-${i}`));
      const ids = await Promise.all(addresses.map((to, i) => writeEmail(i % 2 === 0 ? db : other, to)));
      // Both sweep at once as well, racing the announcements for the same e-mails.
      await Promise.all([a.sweepNow(), b.sweepNow()]);
      await waitFor(
        "all twenty e-mails to be sent",
        () => db.outboundEmail.count({ where: { id: { in: ids }, status: "SENT" } }),
        (n) => n === ids.length,
      );
      await Promise.all([a.sweepNow(), b.sweepNow()]);
      for (const to of addresses) expect(deliveredTo(to)).toHaveLength(1);
      const rows = await db.outboundEmail.findMany({
        where: { id: { in: ids } },
        select: { attempts: true },
      });
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(running.splice(0).map((q) => q.stop()));
      await other.$disconnect();
    }
  });

  it("runs a daily job once per date, even enqueued twice from two instances", async () => {
    const [a, b] = [await start(), await start()];
    const runs: CalendarDate[] = [];
    const job = {
      name: "test-daily",
      at: "06:00",
      timeZone: "Europe/Paris",
      handler: async (date: CalendarDate) => void runs.push(date),
    };
    await scheduleDailyJob(a, job);
    await scheduleDailyJob(b, job);

    const first = await Promise.all([
      enqueueDailyJob(a, job.name, "2026-12-03" as CalendarDate),
      enqueueDailyJob(b, job.name, "2026-12-03" as CalendarDate),
    ]);
    expect(first.filter(Boolean)).toHaveLength(1);
    const jobId = dailyJobId(job.name, "2026-12-03" as CalendarDate);
    await waitFor(
      "the daily job to complete",
      () => a.boss.getJobById(job.name, jobId),
      (j) => j?.state === "completed",
    );
    expect(await enqueueDailyJob(b, job.name, "2026-12-03" as CalendarDate)).toBe(false);
    expect(await enqueueDailyJob(a, job.name, "2026-12-04" as CalendarDate)).toBe(true);
    await waitFor(
      "the next date to run",
      async () => runs.length,
      (n) => n === 2,
    );
    expect(runs).toEqual(["2026-12-03", "2026-12-04"]);

    // The tick fires at 06:00 Paris time, whatever the server's zone.
    const tick = (await a.boss.getSchedules()).find((s) => s.name === tickQueueOf(job.name));
    expect(tick).toMatchObject({ cron: "0 6 * * *", timezone: "Europe/Paris" });
  });

  it("stops cleanly: running work finishes, no connection or handle is left", async () => {
    const resources = () => process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap");
    // Every connection of the test's own pool open first, so reading rows below adds no socket.
    await Promise.all(Array.from({ length: 10 }, () => db.$executeRaw`SELECT pg_sleep(0.05)`));
    const baseline = resources().length;
    let sending = false;
    const slow = {
      send: async () => {
        sending = true;
        await new Promise((r) => setTimeout(r, 800));
      },
    };
    const queue = await startJobQueue(databaseUrl, {
      pollingIntervalSeconds: 0.5,
      poolSize: 3,
      transport: () => slow,
    });
    const id = await writeEmail(db, uniqueEmail("during-stop"));
    await waitFor(
      "the delivery to start",
      async () => sending,
      (v) => v,
    );
    await queue.stop();
    // The delivery under way when stop() was called was let to finish.
    expect(await rowOf(id)).toMatchObject({ status: "SENT", attempts: 1 });

    const connections = () => db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'comptoir-jobs%' AND datname = current_database()`;
    expect((await connections())[0]?.n).toBe(0);
    // Timers of the stopped workers run out within pg-boss's one-second bookkeeping loop.
    const left = await waitFor(
      "the queue's handles to close",
      async () => resources(),
      (r) => r.length <= baseline,
      5000,
    );
    expect(left.length).toBeLessThanOrEqual(baseline);
  });
});

describe("the job queue on the embedded PostgreSQL server", () => {
  it("starts, delivers and stops there too", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-jobs-"));
    fs.chmodSync(parent, 0o755);
    const server = await startEmbeddedPostgres({ dir: path.join(parent, "postgres") });
    const url = withDatabase(server.url, "comptoir_jobs");
    const client = createPrismaClient(url, 2);
    try {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query("CREATE DATABASE comptoir_jobs");
      await admin.end();
      await deployMigrations({ url });
      await start({ db: client }, url);
      const email = uniqueEmail("embedded");
      const id = await writeEmail(client, email);
      const row = await waitFor(
        "the e-mail to be sent from the embedded server",
        () => rowOf(id, client),
        (r) => r.status === "SENT",
      );
      expect(row.attempts).toBe(1);
      expect(deliveredTo(email)).toHaveLength(1);
    } finally {
      await Promise.all(running.splice(0).map((q) => q.stop()));
      await client.$disconnect();
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
