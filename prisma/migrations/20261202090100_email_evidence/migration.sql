-- CreateEnum
CREATE TYPE "email_event_kind" AS ENUM ('OPENED', 'CLICKED');

-- AlterTable
ALTER TABLE "outbound_emails" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "invoice_id" UUID,
ADD COLUMN     "smtp_response" TEXT;

-- CreateTable
CREATE TABLE "email_events" (
    "id" BIGSERIAL NOT NULL,
    "email_id" UUID NOT NULL,
    "kind" "email_event_kind" NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "email_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_events_email_id_kind_link_key" ON "email_events"("email_id", "kind", "link");

-- CreateIndex
CREATE INDEX "outbound_emails_invoice_id_idx" ON "outbound_emails"("invoice_id");

-- AddForeignKey
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_email_id_fkey" FOREIGN KEY ("email_id") REFERENCES "outbound_emails"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (ADR 0017): an open has no link, a click names the in-app path it led to.
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_link_by_kind" CHECK (
  ("kind" = 'OPENED' AND "link" = '') OR ("kind" = 'CLICKED' AND "link" LIKE '/%' AND "link" NOT LIKE '//%')
);
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_count_positive" CHECK ("count" >= 1 AND "last_at" >= "at");
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_attachments_array" CHECK (jsonb_typeof("attachments") = 'array');
