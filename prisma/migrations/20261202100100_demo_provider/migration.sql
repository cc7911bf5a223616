-- The demo payment provider's intents (ADR 0019): shared by every process through the database.
-- CreateTable
CREATE TABLE "demo_provider_intents" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "customer_ref" TEXT NOT NULL,
    "amount_minor" BIGINT,
    "currency" CHAR(3),
    "status" TEXT NOT NULL,
    "client_secret" TEXT NOT NULL,
    "method_kinds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "save_method" BOOLEAN NOT NULL DEFAULT false,
    "method_id" TEXT,
    "method_kind" TEXT,
    "brand" TEXT,
    "last4" VARCHAR(4),
    "exp_month" INTEGER,
    "exp_year" INTEGER,
    "bank_name" TEXT,
    "failure_code" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "detached_at" TIMESTAMPTZ(3),

    CONSTRAINT "demo_provider_intents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "demo_provider_intents_idempotency_key_key" ON "demo_provider_intents"("idempotency_key");

-- CreateIndex
CREATE INDEX "demo_provider_intents_method_id_created_at_idx" ON "demo_provider_intents"("method_id", "created_at");

-- CreateIndex
CREATE INDEX "demo_provider_intents_kind_status_created_at_idx" ON "demo_provider_intents"("kind", "status", "created_at");

-- Only the states the demo walks through; a status outside them is a bug.
ALTER TABLE "demo_provider_intents" ADD CONSTRAINT "demo_provider_intents_kind" CHECK ("kind" IN ('payment', 'setup'));
ALTER TABLE "demo_provider_intents" ADD CONSTRAINT "demo_provider_intents_status" CHECK ("status" IN ('CREATED', 'REQUIRES_ACTION', 'PROCESSING', 'FAILED', 'SUCCEEDED', 'CANCELED'));
