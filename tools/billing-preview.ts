// `npm run billing:preview -- [--as-of YYYY-MM-DD]`
// What a billing run dated --as-of (default: today) would do, changing nothing: renewal invoices,
// period starts, reminders, suspensions, terminations, per customer. A later date previews the days
// until then. Uses DATABASE_URL, else the embedded database of a running `npm start`.
import { parseArgs } from "node:util";
import { isCalendarDate, todayIn } from "@/domain/billing/calendar-date";
import { previewBilling } from "@/server/billing-runs/preview-billing";
import { createPrismaClient } from "@/server/db/client";
import { progress } from "../bench/lib/progress";
import { cliDatabaseUrl } from "./lib/cli-database-url";

const { values } = parseArgs({ options: { "as-of": { type: "string" }, "time-zone": { type: "string", default: "Europe/Paris" } } });
const asOf = values["as-of"] ?? todayIn(values["time-zone"] ?? "Europe/Paris", new Date());
if (!isCalendarDate(asOf)) {
  console.error("Usage: npm run billing:preview -- [--as-of YYYY-MM-DD]");
  process.exit(2);
}
const db = createPrismaClient(cliDatabaseUrl());
try {
  const total = await db.customer.count();
  const bar = progress(`preview of ${asOf}`, Math.max(1, Math.ceil(total / 500)));
  const preview = await previewBilling(db, asOf, { onBatch: (n) => bar.tick(`${n}/${total} customers`) });
  console.log(`\nA run dated ${asOf} would, for ${preview.customersRead} customers:`);
  for (const [kind, n] of Object.entries(preview.counts)) console.log(`  ${kind.padEnd(14)} ${n}`);
  for (const c of preview.customers.slice(0, 20)) {
    console.log(`\n  customer ${c.customerId}`);
    for (const a of c.actions) console.log(`    ${a.on}  ${a.kind.padEnd(14)} ${a.key}`);
  }
  if (preview.errors.length > 0) {
    console.log(`\n${preview.errors.length} customers could not be planned:`);
    for (const e of preview.errors.slice(0, 20)) console.log(`  ${e.customerId}: ${e.code}`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
