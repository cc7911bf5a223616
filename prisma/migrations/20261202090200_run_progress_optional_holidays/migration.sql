-- Live progress of a billing run for the back-office: how many customers it has to read and has read.
ALTER TABLE "billing_runs" ADD COLUMN "customers_total" INTEGER, ADD COLUMN "customers_done" INTEGER NOT NULL DEFAULT 0;

-- A customer group may count business days on weekends only (no public-holiday calendar).
ALTER TABLE "customer_groups" ALTER COLUMN "holiday_country" DROP NOT NULL;
