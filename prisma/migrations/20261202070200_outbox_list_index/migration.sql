-- The admins' outbox page lists the newest e-mails first; every invoice and reminder writes one, so
-- the table grows like the ledger (ADR 0012).
CREATE INDEX "outbound_emails_created_at_id_idx" ON "outbound_emails"("created_at" DESC, "id" DESC);
