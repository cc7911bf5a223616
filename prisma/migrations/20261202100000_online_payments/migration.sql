-- Online payments (issue 16, ADR 0019): provider identities, saved methods, checkouts and their
-- invoices, refunds, the webhook inbox, autopay attempts, reconciliation runs.
-- CreateEnum
CREATE TYPE "checkout_status" AS ENUM ('CREATED', 'REQUIRES_ACTION', 'PROCESSING', 'FAILED', 'SUCCEEDED', 'CANCELED');

-- CreateEnum
CREATE TYPE "checkout_purpose" AS ENUM ('MANUAL', 'AUTOPAY');

-- CreateEnum
CREATE TYPE "saved_method_kind" AS ENUM ('CARD', 'SEPA_DEBIT', 'ACH_DEBIT', 'ACSS_DEBIT');

-- CreateEnum
CREATE TYPE "refund_status" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "checkout_id" UUID;

-- CreateTable
CREATE TABLE "provider_customers" (
    "customer_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_customer_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_customers_pkey" PRIMARY KEY ("customer_id","provider")
);

-- CreateTable
CREATE TABLE "saved_payment_methods" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_method_id" TEXT NOT NULL,
    "kind" "saved_method_kind" NOT NULL,
    "brand" TEXT,
    "last4" VARCHAR(4) NOT NULL,
    "exp_month" INTEGER,
    "exp_year" INTEGER,
    "bank_name" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "saved_payment_methods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkouts" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_intent_id" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "purpose" "checkout_purpose" NOT NULL,
    "status" "checkout_status" NOT NULL DEFAULT 'CREATED',
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "saved_method_id" UUID,
    "save_method" BOOLEAN NOT NULL DEFAULT false,
    "failure_code" TEXT,
    "last_event_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "checkouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkout_invoices" (
    "checkout_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,

    CONSTRAINT "checkout_invoices_pkey" PRIMARY KEY ("checkout_id","invoice_id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "provider" TEXT,
    "provider_refund_id" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "status" "refund_status" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT NOT NULL DEFAULT '',
    "credit_note_id" UUID,
    "requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_webhook_events" (
    "id" BIGSERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "payment_webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "autopay_attempts" (
    "invoice_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "checkout_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "autopay_attempts_pkey" PRIMARY KEY ("invoice_id","attempt")
);

-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "period_from" TIMESTAMPTZ(3) NOT NULL,
    "period_to" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "findings" JSONB NOT NULL DEFAULT '[]',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "provider_customers_provider_provider_customer_id_key" ON "provider_customers"("provider", "provider_customer_id");

-- CreateIndex
CREATE INDEX "saved_payment_methods_customer_id_created_at_idx" ON "saved_payment_methods"("customer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "saved_payment_methods_provider_provider_method_id_key" ON "saved_payment_methods"("provider", "provider_method_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkouts_provider_intent_id_key" ON "checkouts"("provider_intent_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkouts_idempotency_key_key" ON "checkouts"("idempotency_key");

-- CreateIndex
CREATE INDEX "checkouts_customer_id_created_at_idx" ON "checkouts"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "checkouts_status_created_at_idx" ON "checkouts"("status", "created_at");

-- CreateIndex
CREATE INDEX "checkout_invoices_invoice_id_idx" ON "checkout_invoices"("invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_provider_refund_id_key" ON "refunds"("provider_refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_idempotency_key_key" ON "refunds"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_credit_note_id_key" ON "refunds"("credit_note_id");

-- CreateIndex
CREATE INDEX "refunds_payment_id_idx" ON "refunds"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_customer_id_created_at_idx" ON "refunds"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "payment_webhook_events_processed_at_received_at_idx" ON "payment_webhook_events"("processed_at", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_webhook_events_provider_event_id_key" ON "payment_webhook_events"("provider", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "autopay_attempts_checkout_id_key" ON "autopay_attempts"("checkout_id");

-- CreateIndex
CREATE INDEX "reconciliation_runs_started_at_id_idx" ON "reconciliation_runs"("started_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "payments_checkout_id_invoice_id_key" ON "payments"("checkout_id", "invoice_id");

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_checkout_id_fkey" FOREIGN KEY ("checkout_id") REFERENCES "checkouts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_customers" ADD CONSTRAINT "provider_customers_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_payment_methods" ADD CONSTRAINT "saved_payment_methods_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_saved_method_id_fkey" FOREIGN KEY ("saved_method_id") REFERENCES "saved_payment_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout_invoices" ADD CONSTRAINT "checkout_invoices_checkout_id_fkey" FOREIGN KEY ("checkout_id") REFERENCES "checkouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout_invoices" ADD CONSTRAINT "checkout_invoices_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_credit_note_id_fkey" FOREIGN KEY ("credit_note_id") REFERENCES "credit_notes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_attempts" ADD CONSTRAINT "autopay_attempts_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "autopay_attempts" ADD CONSTRAINT "autopay_attempts_checkout_id_fkey" FOREIGN KEY ("checkout_id") REFERENCES "checkouts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Money is positive; one default method per customer among those not removed.
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "checkout_invoices" ADD CONSTRAINT "checkout_invoices_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount_minor" > 0);
CREATE UNIQUE INDEX "saved_payment_methods_one_default" ON "saved_payment_methods" ("customer_id") WHERE "is_default" AND "removed_at" IS NULL;
