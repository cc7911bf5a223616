-- Buying an hour bank is idempotent (issue 18): the form's key is unique, so a double submit finds
-- the bank (and invoice) the first submit created instead of buying twice.
ALTER TABLE "hour_banks" ADD COLUMN     "purchase_key" TEXT;

CREATE UNIQUE INDEX "hour_banks_purchase_key_key" ON "hour_banks"("purchase_key");
