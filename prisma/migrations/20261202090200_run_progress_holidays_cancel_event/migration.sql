-- Live progress of a billing run for the back-office: how many customers it has to read and has read.
ALTER TABLE "billing_runs" ADD COLUMN "customers_total" INTEGER, ADD COLUMN "customers_done" INTEGER NOT NULL DEFAULT 0;

-- A customer group may count business days on weekends only (no public-holiday calendar).
ALTER TABLE "customer_groups" ALTER COLUMN "holiday_country" DROP NOT NULL;

-- A service cancelled by hand (where the group allows manual status changes) is published too.
CREATE OR REPLACE FUNCTION webhook_event_type(kind text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
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
    WHEN 'CANCELLED' THEN 'subscription.cancelled'
  END
$$;
