-- Keyset lists of the support API (/api/v1/tickets, /hour-banks, /time-entries): one index per sort key.
CREATE INDEX "hour_banks_purchased_at_id_idx" ON "hour_banks"("purchased_at" DESC, "id" DESC);
CREATE INDEX "support_tickets_created_at_id_idx" ON "support_tickets"("created_at" DESC, "id" DESC);
CREATE INDEX "support_time_entries_work_date_created_at_id_idx" ON "support_time_entries"("work_date" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "support_time_entries_customer_id_work_date_created_at_id_idx" ON "support_time_entries"("customer_id", "work_date" DESC, "created_at" DESC, "id" DESC);
