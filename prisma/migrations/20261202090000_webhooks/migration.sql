-- CreateEnum
CREATE TYPE "webhook_delivery_status" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "secret" TEXT NOT NULL,
    "event_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "secret_rotated_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "endpoint_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "event_key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "webhook_delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "replays" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "response_excerpt" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "succeeded_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_created_at_id_idx" ON "webhook_endpoints"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_id_idx" ON "webhook_deliveries"("endpoint_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_event_key_key" ON "webhook_deliveries"("endpoint_id", "event_key");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ADR 0016. Prisma cannot say these.
ALTER TABLE "webhook_endpoints" ALTER COLUMN "event_types" SET NOT NULL;
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_url" CHECK ("url" ~ '^https?://' AND length("url") <= 2000);
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_attempts" CHECK ("attempts" >= 0 AND "replays" >= 0);

-- The sweep reads the pending deliveries that are due, oldest first: a small partial index.
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" = 'PENDING';

-- One ISSUED event per invoice, whoever issues it: the billing run records its own (keyed by its
-- renewal) before issuing, and issueInvoiceInTransaction's ON CONFLICT DO NOTHING then adds none.
CREATE UNIQUE INDEX "billing_events_one_issued_per_invoice" ON "billing_events" ("invoice_id") WHERE "kind" = 'ISSUED';

-- The public name of each billing event kind; kinds not listed here are not published.
CREATE FUNCTION webhook_event_type(kind text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'ISSUED' THEN 'invoice.issued'
    WHEN 'REMINDER_SENT' THEN 'invoice.reminder_sent'
    WHEN 'PAYMENT_RECORDED' THEN 'invoice.payment_recorded'
    WHEN 'CREDITED' THEN 'invoice.credited'
    WHEN 'VOIDED' THEN 'invoice.voided'
    WHEN 'PERIOD_STARTED' THEN 'subscription.period_started'
    WHEN 'SUSPENDED' THEN 'subscription.suspended'
    WHEN 'TERMINATED' THEN 'subscription.terminated'
    WHEN 'REINSTATED' THEN 'subscription.reinstated'
    WHEN 'CYCLE_LENGTHENED' THEN 'subscription.cycle_lengthened'
  END
$$;

-- Outbox-style fan-out in the event's own transaction: every new billing event becomes one delivery
-- per active endpoint subscribed to its type. One statement per INSERT into billing_events (a
-- statement trigger over the inserted rows), which finds no endpoint and stops at once when none is
-- configured. The UNIQUE (endpoint_id, event_key) makes a second fan-out of the same event a no-op.
-- The notification (delivered at commit) wakes the job worker, which queues the deliveries.
CREATE FUNCTION billing_events_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE active) THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (endpoint_id, event_id, event_key, event_type, payload, next_attempt_at)
  SELECT w.id, e.id, e.key, webhook_event_type(e.kind),
         jsonb_build_object(
           'id', 'evt_' || e.id,
           'type', webhook_event_type(e.kind),
           'createdAt', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'data', jsonb_build_object('customerId', e.customer_id, 'cause', e.cause, 'details', e.details)
             || CASE WHEN e.invoice_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('invoiceId', e.invoice_id) END
             || CASE WHEN e.subscription_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('subscriptionId', e.subscription_id) END),
         now()
  FROM new_events e
  JOIN webhook_endpoints w ON w.active AND (cardinality(w.event_types) = 0 OR webhook_event_type(e.kind) = ANY (w.event_types))
  WHERE webhook_event_type(e.kind) IS NOT NULL
  ON CONFLICT (endpoint_id, event_key) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('comptoir_webhooks', '');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "billing_events_webhooks" AFTER INSERT ON "billing_events"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION billing_events_fan_out();
