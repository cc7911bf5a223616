-- Refund lists (back-office, GET /api/v1/refunds): keyset pagination newest first, id as the
-- tie-breaker, and per customer (issue 16, ADR 0019).

-- DropIndex
DROP INDEX "refunds_customer_id_created_at_idx";

-- CreateIndex
CREATE INDEX "refunds_created_at_id_idx" ON "refunds"("created_at", "id");

-- CreateIndex
CREATE INDEX "refunds_customer_id_created_at_id_idx" ON "refunds"("customer_id", "created_at", "id");
