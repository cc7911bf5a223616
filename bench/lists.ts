// Benchmark: lists, search, deep API pages, the portal home and a full CSV export at N invoices, through
// the production server over HTTP, next to the same SQL run directly (the floor), with the server's RSS.
//   npx tsx bench/lists.ts [invoices=100000] [--requests=40]
// Needs the production build (`npm test` or `npx next build` makes it). Writes bench/results/lists-<N>.json
// and merges it into bench/results/lists.json.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { hashPassword } from "@/server/auth/password-hashing";
import { Prisma } from "@/generated/prisma/client";
import { balanceSummaryStatement, invoiceList } from "@/server/billing/invoice-list";
import { customerList } from "@/server/customers/customer-list";
import { createApiToken } from "@/server/api/manage-api-tokens";
import { cappedCountStatement, keysetStatement } from "@/server/db/keyset-list";
import { createPrismaClient } from "@/server/db/client";
import { bulkInsertCustomers, bulkInsertInvoices } from "../tests/support/bulk-ledger";
import { serverHeapFlags } from "../tools/lib/server-heap.mjs";
import { createFreshDatabase } from "../tools/lib/test-database.mjs";
import { progress } from "./lib/progress";
import { percentile, processTreeRss } from "./lib/measure";

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const REQUESTS = Number(process.argv.find((a) => a.startsWith("--requests="))?.split("=")[1] ?? 40);
const CUSTOMERS = 20_000;
const BIG = 50_000;
const PORT = 3190;
const base = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench password 2026";

const database = await createFreshDatabase("comptoir_bench_lists");
const db = createPrismaClient(database.url);
const pg = new Client({ connectionString: database.url });
await pg.connect();
let server: ChildProcess | undefined;

async function load() {
  const step = progress("loading", 4);
  const customers = await bulkInsertCustomers(db, CUSTOMERS, "Bench");
  const big = customers[0] as string;
  step.tick("customers");
  await bulkInsertInvoices(db, { customerIds: [big], count: BIG, prefix: "F2026B", firstDay: "2021-01-01", days: 2000 });
  step.tick("the big customer's invoices");
  // The rest, in chunks so one statement never holds the whole load.
  const rest = N - BIG;
  const chunk = 100_000;
  for (let done = 0; done < rest; done += chunk) {
    await bulkInsertInvoices(db, { customerIds: customers.slice(1), count: Math.min(chunk, rest - done), prefix: `F2026-${String(done / chunk).padStart(2, "0")}`, firstDay: "2021-01-01", days: 2000 });
  }
  step.tick("everyone else's invoices");
  await pg.query("VACUUM ANALYZE invoices");
  await pg.query("VACUUM ANALYZE customers");
  step.tick("vacuum analyze");
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.create({ data: { email: "bench-staff@example.com", name: "Bench Staff", kind: "STAFF", staffRoles: ["BILLING"], passwordHash } });
  await db.user.create({ data: { email: "bench-customer@example.com", name: "Bench Customer", kind: "CUSTOMER", customerId: big, customerRole: "OWNER", passwordHash } });
  const { token } = await createApiToken(db, null, "bench", new Date());
  return { big, token };
}

async function startServer() {
  const next = path.resolve("node_modules/next/dist/bin/next");
  server = spawn(process.execPath, [...serverHeapFlags(process.env), "--require", path.resolve("tools/lib/peer-address.cjs"), next, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: base, APP_URL: base, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/auth/csrf`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session"));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return session.split(";")[0] as string;
}

interface Stats {
  p50: number;
  p95: number;
  rps: number;
}

/** `count` requests with `concurrency` in flight; every answer must be 200 and fully read. */
async function measure(count: number, concurrency: number, request: () => Promise<Response>): Promise<Stats> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const t = performance.now();
        const res = await request();
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`status ${res.status} for ${res.url}`);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: Math.round((count / seconds) * 10) / 10 };
}

async function sqlFloor(count: number, statements: { text: string; values: unknown[] }[]): Promise<Stats> {
  return measure(count, 1, async () => {
    for (const s of statements) await pg.query(s.text, s.values);
    return new Response("", { status: 200 });
  });
}

try {
  const { big, token } = await load();
  // A cursor halfway down the whole list: a "deep page".
  const deep = (await pg.query("SELECT id FROM invoices ORDER BY COALESCE(issue_date, 'infinity'::date) DESC, COALESCE(number, '') DESC, created_at DESC, id DESC OFFSET $1 LIMIT 1", [Math.floor(N / 2)])).rows[0]?.id as string;
  await startServer();
  const rssIdle = processTreeRss(server?.pid ?? 0);
  let rssPeak = rssIdle;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, processTreeRss(server?.pid ?? 0));
  }, 100);
  const staff = await signIn("bench-staff@example.com");
  const customer = await signIn("bench-customer@example.com");
  const get = (url: string, cookie: string) => () => fetch(`${base}${url}`, { headers: cookie.startsWith("Bearer") ? { authorization: cookie } : { cookie } });
  const api = `Bearer ${token}`;
  const staffList = invoiceList({ staff: true }, {});
  const search = invoiceList({ staff: true }, { search: "F2026-01-00123" });
  const customers = customerList({ search: "Bench 01234" }, Prisma.sql`t.id, t.legal_name, t.billing_email`);
  const today = new Date().toISOString().slice(0, 10) as CalendarDate;
  const cases = [
    { name: "/staff/invoices", request: get("/staff/invoices", staff), sql: [keysetStatement(staffList, { limit: 25 }), cappedCountStatement(staffList, 10_000)] },
    { name: "/staff/invoices?q=F2026-01-00123", request: get("/staff/invoices?q=F2026-01-00123", staff), sql: [keysetStatement(search, { limit: 25 }), cappedCountStatement(search, 10_000)] },
    { name: "/staff/customers?q=Bench 01234", request: get(`/staff/customers?q=${encodeURIComponent("Bench 01234")}`, staff), sql: [keysetStatement(customers, { limit: 25 }), cappedCountStatement(customers, 10_000)] },
    { name: "GET /api/v1/invoices (deep cursor)", request: get(`/api/v1/invoices?limit=25&starting_after=${deep}`, api), sql: [keysetStatement(staffList, { limit: 25, after: deep })] },
    { name: "/portal (50,000 invoices)", request: get("/portal", customer), sql: [balanceSummaryStatement(big, today), keysetStatement(invoiceList({ customerId: big }, { status: "OPEN" }), { limit: 5 })] },
    { name: "/portal/invoices", request: get("/portal/invoices", customer), sql: [keysetStatement(invoiceList({ customerId: big }, {}), { limit: 20 })] },
  ];
  const results: Record<string, unknown>[] = [];
  const bar = progress("measuring", cases.length * 2 + 1);
  for (const c of cases) {
    await measure(20, 1, c.request); // warm-up: the JIT and the connection pool
    const c1 = await measure(REQUESTS, 1, c.request);
    bar.tick(`${c.name} c=1`);
    const c20 = await measure(REQUESTS * 5, 20, c.request);
    bar.tick(`${c.name} c=20`);
    const floor = c.sql.length ? await sqlFloor(REQUESTS, c.sql.map((s) => ({ text: s.text, values: s.values }))) : null;
    results.push({ request: c.name, concurrency1: c1, concurrency20: c20, sqlFloorP50: floor?.p50 ?? null });
  }
  const t = performance.now();
  const csv = await fetch(`${base}/portal/invoices/export.csv`, { headers: { cookie: customer } });
  const csvText = await csv.text();
  const csvMs = Math.round(performance.now() - t);
  bar.tick("csv");
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 5000));
  const result = {
    date: new Date().toISOString(),
    database: database.kind,
    invoices: N,
    customers: CUSTOMERS,
    bigCustomerInvoices: BIG,
    requestsPerCase: { concurrency1: REQUESTS, concurrency20: REQUESTS * 5 },
    results,
    csvExport: { ms: csvMs, lines: csvText.trimEnd().split("\r\n").length - 1, fileName: csv.headers.get("content-disposition") },
    serverRssMb: { idleBefore: rssIdle, peak: rssPeak, fiveSecondsAfter: processTreeRss(server?.pid ?? 0) },
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/lists-${N}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const merged = fs.existsSync("bench/results/lists.json") ? JSON.parse(fs.readFileSync("bench/results/lists.json", "utf8")) : {};
  merged[String(N)] = result;
  fs.writeFileSync("bench/results/lists.json", `${JSON.stringify(merged, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  server?.kill("SIGTERM");
  await pg.end();
  await db.$disconnect();
  await database.drop();
}
