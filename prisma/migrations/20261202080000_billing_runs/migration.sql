-- CreateEnum
CREATE TYPE "billing_run_status" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "customer_groups" ADD COLUMN     "holiday_country" CHAR(2) NOT NULL DEFAULT 'FR',
ADD COLUMN     "holiday_region" TEXT,
ADD COLUMN     "lengthen_cycle_on_reinstatement" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "manual_status_changes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminder_days_before_due" INTEGER[] DEFAULT ARRAY[10, 5, 1]::INTEGER[],
ADD COLUMN     "renewal_lead_days" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "suspend_after_days" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "suspend_all_after_business_days" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "terminate_after_days" INTEGER NOT NULL DEFAULT 25;

-- CreateTable
CREATE TABLE "billing_runs" (
    "id" UUID NOT NULL,
    "as_of" DATE NOT NULL,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "status" "billing_run_status" NOT NULL DEFAULT 'QUEUED',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "errors" JSONB NOT NULL DEFAULT '[]',
    "requested_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "billing_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_events" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "customer_id" UUID NOT NULL,
    "invoice_id" UUID,
    "subscription_id" UUID,
    "run_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "renewal_claims" (
    "subscription_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "invoice_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "renewal_claims_pkey" PRIMARY KEY ("subscription_id","period_start")
);

-- CreateIndex
CREATE INDEX "billing_runs_created_at_id_idx" ON "billing_runs"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "billing_events_key_key" ON "billing_events"("key");

-- CreateIndex
CREATE INDEX "billing_events_invoice_id_at_idx" ON "billing_events"("invoice_id", "at");

-- CreateIndex
CREATE INDEX "billing_events_subscription_id_at_idx" ON "billing_events"("subscription_id", "at");

-- CreateIndex
CREATE INDEX "renewal_claims_invoice_id_idx" ON "renewal_claims"("invoice_id");

-- AddForeignKey
ALTER TABLE "billing_events" ADD CONSTRAINT "billing_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "billing_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- At most one billing run is queued or running at a time, whichever process asks (issue 15, ADR 0014):
-- a second INSERT conflicts and is answered 409 BILLING_RUN_IN_PROGRESS.
CREATE UNIQUE INDEX "billing_runs_one_active" ON "billing_runs" ((true)) WHERE "status" IN ('QUEUED', 'RUNNING');

-- A policy that makes sense: reminders before the due date, termination after suspension.
ALTER TABLE "customer_groups" ALTER COLUMN "reminder_days_before_due" SET NOT NULL;
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_policy" CHECK (
  "renewal_lead_days" BETWEEN 0 AND 90
  AND "suspend_after_days" BETWEEN 0 AND 90
  AND "terminate_after_days" > "suspend_after_days" AND "terminate_after_days" <= 365
  AND "suspend_all_after_business_days" BETWEEN 0 AND 60
  AND 0 < ALL ("reminder_days_before_due") AND 90 >= ALL ("reminder_days_before_due")
);

-- The day of a subscription's last reinstatement (a renewal held back by the suspension is issued from then).
ALTER TABLE "subscriptions" ADD COLUMN "reinstated_on" DATE;

-- Why a subscription is suspended: one hold per (subscription, unpaid invoice), released by its settlement.
CREATE TABLE "subscription_holds" (
    "subscription_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "cause" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "released_at" TIMESTAMPTZ(3),
    CONSTRAINT "subscription_holds_pkey" PRIMARY KEY ("subscription_id","invoice_id")
);
CREATE INDEX "subscription_holds_invoice_id_idx" ON "subscription_holds"("invoice_id");
