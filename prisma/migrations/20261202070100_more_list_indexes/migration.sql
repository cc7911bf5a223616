-- Every other list on keyset cursors (issue 14, ADR 0011): one index per list order, whose columns are
-- exactly the list's sort key (the id last), so a page is an index seek on the ROW comparison with the
-- cursor row's key, with no Sort; per-customer (and per-status or per-action) variants where a list is
-- filtered so. Plain indexes are also in schema.prisma; trigram (GIN) indexes live here only.
-- Indexes made redundant (a prefix of a new one, or a sort key no list uses any more) are dropped.

-- Credit notes (portal, back-office, API): issue date, then number, then id, newest first.
DROP INDEX "credit_notes_issue_date_id_idx";
DROP INDEX "credit_notes_customer_id_issue_date_idx";
CREATE INDEX "credit_notes_issue_date_number_id_idx" ON "credit_notes"("issue_date", "number", "id");
CREATE INDEX "credit_notes_customer_id_issue_date_number_id_idx" ON "credit_notes"("customer_id", "issue_date", "number", "id");
CREATE INDEX "credit_notes_number_trgm_idx" ON "credit_notes" USING gin ("number" gin_trgm_ops);

-- Payments (back-office): day received, then when recorded, then id, newest first.
DROP INDEX "payments_received_on_id_idx";
DROP INDEX "payments_customer_id_received_on_idx";
CREATE INDEX "payments_received_on_created_at_id_idx" ON "payments"("received_on", "created_at", "id");
CREATE INDEX "payments_customer_id_received_on_created_at_id_idx" ON "payments"("customer_id", "received_on", "created_at", "id");
CREATE INDEX "payments_reference_trgm_idx" ON "payments" USING gin ("reference" gin_trgm_ops);

-- Purchase orders (back-office, portal, API): created_at, id, newest first; purchase_orders_created_at_id_idx
-- (20261202050100_staff_lists) already serves the whole list.
DROP INDEX "purchase_orders_customer_id_created_at_idx";
CREATE INDEX "purchase_orders_customer_id_created_at_id_idx" ON "purchase_orders"("customer_id", "created_at", "id");
CREATE INDEX "purchase_orders_status_created_at_id_idx" ON "purchase_orders"("status", "created_at", "id");
CREATE INDEX "purchase_orders_number_trgm_idx" ON "purchase_orders" USING gin ("number" gin_trgm_ops);

-- Subscriptions (API): created_at, id, newest first.
DROP INDEX "subscriptions_customer_id_idx";
CREATE INDEX "subscriptions_created_at_id_idx" ON "subscriptions"("created_at", "id");
CREATE INDEX "subscriptions_customer_id_created_at_id_idx" ON "subscriptions"("customer_id", "created_at", "id");

-- Audit log: at, id, newest first; audit_events_at_id_idx (20261202050100_staff_lists) serves the whole
-- log and every range on `at`, so the plain one on `at` goes.
DROP INDEX "audit_events_at_idx";
CREATE INDEX "audit_events_action_at_id_idx" ON "audit_events"("action", "at", "id");
CREATE INDEX "audit_events_actor_email_trgm_idx" ON "audit_events" USING gin ("actor_email" gin_trgm_ops);
