-- The billing run's pre-filter (issue 15, performance; ADR 0014): the customers a run may have
-- something due for, chosen by one statement when it starts, then read back a batch at a time.

-- CreateTable
CREATE TABLE "billing_run_candidates" (
    "run_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,

    CONSTRAINT "billing_run_candidates_pkey" PRIMARY KEY ("run_id","customer_id")
);

-- CreateIndex
CREATE INDEX "renewal_claims_period_start_idx" ON "renewal_claims"("period_start");

-- AddForeignKey
ALTER TABLE "billing_run_candidates" ADD CONSTRAINT "billing_run_candidates_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "billing_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Prisma cannot express a partial covering index: the live subscriptions by the end of their
-- current period, with what the pre-filter reads of them, so it is an index-only range scan.
-- A later generated migration that drops it must have those lines removed (CONTRIBUTING.md).
CREATE INDEX "subscriptions_live_period_end_idx" ON "subscriptions" ("current_period_end")
  INCLUDE ("id", "customer_id", "status") WHERE "status" IN ('ACTIVE', 'SUSPENDED');
