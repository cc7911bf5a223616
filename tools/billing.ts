// `npm run billing -- [--as-of YYYY-MM-DD] [--dry-run]`
// Runs the daily billing (renewal invoices, period starts, reminders, suspensions, terminations) for a
// date, the same use-case as the scheduler and the API, with a progress bar and a summary. One run at a
// time across every process on the database (exit code 3 when another is in progress). A date after
// today needs COMPTOIR_TEST_CLOCK=1. Uses DATABASE_URL, else the embedded database of a running `npm start`.
import { parseArgs } from "node:util";
import { isCalendarDate, todayIn } from "@/domain/billing/calendar-date";
import { isDomainError } from "@/domain/shared/domain-error";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { createPrismaClient } from "@/server/db/client";
import { progress } from "../bench/lib/progress";
import { cliDatabaseUrl } from "./lib/cli-database-url";

const { values } = parseArgs({ options: { "as-of": { type: "string" }, "dry-run": { type: "boolean", default: false }, "time-zone": { type: "string", default: "Europe/Paris" } } });
const today = todayIn(values["time-zone"] ?? "Europe/Paris", new Date());
const asOf = values["as-of"] ?? today;
if (!isCalendarDate(asOf)) {
  console.error("Usage: npm run billing -- [--as-of YYYY-MM-DD] [--dry-run]");
  process.exit(2);
}
const db = createPrismaClient(cliDatabaseUrl());
try {
  const run = await startBillingRun(db, { asOf, dryRun: values["dry-run"] ?? false, requestedBy: "cli" }, today, new Date(), process.env.COMPTOIR_TEST_CLOCK === "1");
  const total = await db.customer.count();
  // Counted in customers: a run reads only its candidates, so its number of batches is not known ahead.
  const bar = progress(`billing ${asOf}${run.dryRun ? " (dry run)" : ""} (customers)`, Math.max(1, total));
  const result = await executeBillingRun(db, run.id, () => new Date(), (n) => bar.to(n, ""));
  console.log(`\nRun ${run.id}: ${result?.status ?? "taken by another process"}`);
  for (const [k, v] of Object.entries(result?.counts ?? {})) console.log(`  ${k.padEnd(16)} ${v}`);
  for (const e of result?.errors.slice(0, 20) ?? []) console.log(`  customer ${e.customerId}: ${e.code}`);
  if (result?.errors.length) process.exitCode = 1;
} catch (e) {
  if (isDomainError(e)) {
    console.error(`Refused: ${e.code}`);
    process.exitCode = e.code === "BILLING_RUN_IN_PROGRESS" ? 3 : 2;
  } else throw e;
} finally {
  await db.$disconnect();
}
