// `npm run worker`: the background job worker (ADR 0015): outbox delivery with retries, the outbox
// sweep, and the daily billing run; and the support desk's SMTP listener (docs/support-intake.md). `npm start` runs one next to the app server by itself; run this
// only when you start the app with `next start` yourself. Several may run on one database.
// Uses DATABASE_URL, else the embedded database of a running `npm start` (.data/database-url).
// JOBS=off: exits at once. Ctrl-C / SIGTERM: stops taking jobs, lets running ones finish (15 s at
// most; unfinished ones go back to the queue), closes its connections and exits.
import { runScheduledBilling } from "@/server/billing-runs/run-scheduled-billing";
import { env } from "@/server/config";
import { createPrismaClient } from "@/server/db/client";
import { startWorker } from "@/server/jobs/worker";
import { runAutopay } from "@/server/payments/autopay-run";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { reconcilePayments } from "@/server/payments/reconcile-payments";
import { logger } from "@/server/logger";
import { smtpIntakeAddress } from "@/server/support/intake/intake-config";
import { type SmtpIntake, startSmtpIntake } from "@/server/support/intake/smtp-intake-server";
import { cliDatabaseUrl } from "./lib/cli-database-url";

if (env().JOBS === "off") {
  console.log("[comptoir] JOBS=off: the job worker does not run.");
  process.exit(0);
}

const url = cliDatabaseUrl();
const db = createPrismaClient(url, 3);
// The daily billing run at BILLING_RUN_AT in BILLING_TIME_ZONE, once per date across instances.
// Autopay (AUTOPAY_AT) and reconciliation with the payment provider (RECONCILE_AT), daily too (ADR 0019).
const queue = await startWorker(url, {
  billingRun: async (date) => void (await runScheduledBilling(db, date)),
  autopay: async () => void (await runAutopay(db, activePaymentProvider(db), new Date())),
  reconcilePayments: async () => void (await reconcilePayments(db, activePaymentProvider(db), new Date())),
});
logger.info("job worker started");

// One SMTP listener per deployment: the worker hosts it (one per `npm start`, never one per request
// process). A second instance on the same host finds the port taken and runs without it.
let intake: SmtpIntake | null = null;
const intakeAt = smtpIntakeAddress();
if (intakeAt) {
  try {
    intake = await startSmtpIntake(db, intakeAt);
    logger.info({ host: intakeAt.host, port: intake.port }, "support intake: SMTP listener started");
  } catch (e) {
    logger.warn({ err: (e as Error).message, ...intakeAt }, "support intake: SMTP listener not started (port in use by another instance?)");
  }
}

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "job worker stopping");
  try {
    await intake?.close();
    await queue.stop();
    await db.$disconnect();
    logger.info("job worker stopped");
  } catch (e) {
    logger.error({ err: (e as Error).message }, "job worker did not stop cleanly");
    process.exitCode = 1;
  }
  // Everything is closed, so Node exits by itself; this only guards against a handle left open.
  setTimeout(() => process.exit(), 2000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
