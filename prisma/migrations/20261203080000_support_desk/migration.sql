-- Support hour banks and support requests (issue 18): banks bought in volume tiers, time entries drawn
-- from them oldest first, tickets under SLA clocks, the inbox of support e-mail, surveys.

-- CreateEnum
CREATE TYPE "support_urgency" AS ENUM ('REGULAR', 'URGENT');

-- CreateEnum
CREATE TYPE "support_channel" AS ENUM ('PHONE', 'ON_SITE');

-- CreateEnum
CREATE TYPE "support_activity" AS ENUM ('SUPPORT', 'MAINTENANCE', 'TRAINING', 'CHANGE_REQUEST');

-- CreateEnum
CREATE TYPE "ticket_status" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ticket_source" AS ENUM ('EMAIL', 'PORTAL', 'STAFF');

-- CreateEnum
CREATE TYPE "ticket_author_kind" AS ENUM ('CUSTOMER', 'STAFF');

-- CreateEnum
CREATE TYPE "inbound_email_outcome" AS ENUM ('TICKET_OPENED', 'REPLY_ADDED', 'HELD', 'RELEASED', 'DISMISSED');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "support_contact" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "support_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "regular_address" TEXT NOT NULL DEFAULT 'support@comptoir.localhost',
    "urgent_address" TEXT NOT NULL DEFAULT 'urgent@comptoir.localhost',
    "time_zone" TEXT NOT NULL DEFAULT 'America/Toronto',
    "holiday_country" CHAR(2) DEFAULT 'CA',
    "holiday_region" TEXT DEFAULT 'QC',
    "charging_rules" JSONB NOT NULL DEFAULT '{}',
    "low_balance_thresholds" INTEGER[] DEFAULT ARRAY[80, 95]::INTEGER[],
    "max_support_contacts" INTEGER NOT NULL DEFAULT 4,
    "regular_notify_count" INTEGER NOT NULL DEFAULT 2,
    "urgent_notify_count" INTEGER NOT NULL DEFAULT 3,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "support_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hour_bank_tiers" (
    "product_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "from_hours" INTEGER NOT NULL,
    "rate_minor" BIGINT NOT NULL,

    CONSTRAINT "hour_bank_tiers_pkey" PRIMARY KEY ("product_id","currency","from_hours")
);

-- CreateTable
CREATE TABLE "hour_banks" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "hours" INTEGER NOT NULL,
    "rate_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "invoice_id" UUID NOT NULL,
    "purchased_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID,

    CONSTRAINT "hour_banks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_tickets" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customer_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "urgency" "support_urgency" NOT NULL,
    "status" "ticket_status" NOT NULL DEFAULT 'OPEN',
    "source" "ticket_source" NOT NULL,
    "requester_id" UUID,
    "requester_email" TEXT NOT NULL,
    "assigned_to_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "response_due_at" TIMESTAMPTZ(3) NOT NULL,
    "first_response_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_messages" (
    "id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "author_kind" "ticket_author_kind" NOT NULL,
    "author_id" UUID,
    "from_address" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_time_entries" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "technician_id" UUID NOT NULL,
    "work_date" DATE NOT NULL,
    "actual_minutes" INTEGER NOT NULL,
    "urgency" "support_urgency" NOT NULL,
    "channel" "support_channel" NOT NULL,
    "activity" "support_activity" NOT NULL,
    "travel_km" INTEGER NOT NULL DEFAULT 0,
    "travel_minutes" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "charged_minutes" INTEGER NOT NULL,
    "bank_minutes" INTEGER NOT NULL,
    "billable_minutes" INTEGER NOT NULL,
    "travel_charged_minutes" INTEGER NOT NULL DEFAULT 0,
    "travel_distance_minor" BIGINT NOT NULL DEFAULT 0,
    "billed_invoice_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_time_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hour_bank_draws" (
    "time_entry_id" UUID NOT NULL,
    "bank_id" UUID NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "hour_bank_draws_pkey" PRIMARY KEY ("time_entry_id","bank_id")
);

-- CreateTable
CREATE TABLE "low_balance_alerts" (
    "customer_id" UUID NOT NULL,
    "threshold_pct" INTEGER NOT NULL,
    "total_minutes" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "low_balance_alerts_pkey" PRIMARY KEY ("customer_id","threshold_pct","total_minutes")
);

-- CreateTable
CREATE TABLE "inbound_emails" (
    "id" UUID NOT NULL,
    "message_id" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "from_name" TEXT NOT NULL DEFAULT '',
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "in_reply_to" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "urgency" "support_urgency" NOT NULL,
    "outcome" "inbound_email_outcome" NOT NULL,
    "held_reason" TEXT,
    "customer_id" UUID,
    "ticket_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbound_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "satisfaction_surveys" (
    "ticket_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "score" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "satisfaction_surveys_pkey" PRIMARY KEY ("ticket_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "hour_banks_invoice_id_key" ON "hour_banks"("invoice_id");

-- CreateIndex
CREATE INDEX "hour_banks_customer_id_purchased_at_id_idx" ON "hour_banks"("customer_id", "purchased_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "support_tickets_number_key" ON "support_tickets"("number");

-- CreateIndex
CREATE INDEX "support_tickets_customer_id_created_at_id_idx" ON "support_tickets"("customer_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "support_tickets_status_response_due_at_idx" ON "support_tickets"("status", "response_due_at");

-- CreateIndex
CREATE INDEX "ticket_messages_ticket_id_created_at_idx" ON "ticket_messages"("ticket_id", "created_at");

-- CreateIndex
CREATE INDEX "support_time_entries_customer_id_work_date_id_idx" ON "support_time_entries"("customer_id", "work_date", "id");

-- CreateIndex
CREATE INDEX "support_time_entries_ticket_id_work_date_idx" ON "support_time_entries"("ticket_id", "work_date");

-- CreateIndex
CREATE INDEX "support_time_entries_billed_invoice_id_idx" ON "support_time_entries"("billed_invoice_id");

-- CreateIndex
CREATE INDEX "hour_bank_draws_bank_id_idx" ON "hour_bank_draws"("bank_id");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_emails_message_id_key" ON "inbound_emails"("message_id");

-- CreateIndex
CREATE INDEX "inbound_emails_outcome_received_at_idx" ON "inbound_emails"("outcome", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "satisfaction_surveys_token_hash_key" ON "satisfaction_surveys"("token_hash");

-- AddForeignKey
ALTER TABLE "hour_bank_tiers" ADD CONSTRAINT "hour_bank_tiers_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hour_banks" ADD CONSTRAINT "hour_banks_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hour_banks" ADD CONSTRAINT "hour_banks_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hour_banks" ADD CONSTRAINT "hour_banks_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_time_entries" ADD CONSTRAINT "support_time_entries_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_time_entries" ADD CONSTRAINT "support_time_entries_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "support_tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_time_entries" ADD CONSTRAINT "support_time_entries_technician_id_fkey" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_time_entries" ADD CONSTRAINT "support_time_entries_billed_invoice_id_fkey" FOREIGN KEY ("billed_invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hour_bank_draws" ADD CONSTRAINT "hour_bank_draws_time_entry_id_fkey" FOREIGN KEY ("time_entry_id") REFERENCES "support_time_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hour_bank_draws" ADD CONSTRAINT "hour_bank_draws_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "hour_banks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "support_tickets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Minutes are whole and positive; a draw never exceeds what its entry drew; a survey score is 1-5.
ALTER TABLE "support_time_entries" ADD CONSTRAINT "support_time_entries_minutes_check"
  CHECK (actual_minutes > 0 AND charged_minutes >= actual_minutes AND bank_minutes >= 0 AND billable_minutes >= 0
         AND bank_minutes + billable_minutes = charged_minutes AND travel_km >= 0 AND travel_minutes >= 0);
ALTER TABLE "hour_bank_draws" ADD CONSTRAINT "hour_bank_draws_minutes_check" CHECK (minutes > 0);
ALTER TABLE "hour_banks" ADD CONSTRAINT "hour_banks_hours_check" CHECK (hours > 0 AND rate_minor >= 0 AND total_minor = rate_minor * hours);
ALTER TABLE "hour_bank_tiers" ADD CONSTRAINT "hour_bank_tiers_check" CHECK (from_hours >= 1 AND rate_minor >= 0);
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_score_check" CHECK (score IS NULL OR score BETWEEN 1 AND 5);
ALTER TABLE "support_settings" ADD CONSTRAINT "support_settings_single_row" CHECK (id = 1);
INSERT INTO "support_settings" (id) VALUES (1) ON CONFLICT DO NOTHING;
