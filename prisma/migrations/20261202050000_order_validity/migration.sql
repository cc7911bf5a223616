-- AlterTable
ALTER TABLE "purchase_orders" ADD COLUMN     "decline_reason" TEXT,
ADD COLUMN     "validity_days" INTEGER NOT NULL DEFAULT 30;

-- An order is valid for at least one day.
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_validity_days_check" CHECK ("validity_days" BETWEEN 1 AND 3650);
