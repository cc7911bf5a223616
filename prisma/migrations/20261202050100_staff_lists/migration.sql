-- CreateIndex
CREATE INDEX "audit_events_at_id_idx" ON "audit_events"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "credit_notes_issue_date_id_idx" ON "credit_notes"("issue_date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "payments_received_on_id_idx" ON "payments"("received_on" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "purchase_orders_created_at_id_idx" ON "purchase_orders"("created_at" DESC, "id" DESC);
