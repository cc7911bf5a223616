-- Lists that stay fast at a million invoices (issue 14, ADR 0011). Expression indexes cannot be
-- written in schema.prisma; they live here only, and the list queries use exactly these expressions.

-- Trigram indexes serve "contains" search (ILIKE '%…%') on numbers, names and e-mails.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Invoice lists: drafts first, then issued ones by issue date and number, newest first.
CREATE INDEX "invoices_list_key_idx" ON "invoices" ((COALESCE("issue_date", 'infinity'::date)), (COALESCE("number", '')), "created_at", "id");
CREATE INDEX "invoices_customer_list_key_idx" ON "invoices" ("customer_id", (COALESCE("issue_date", 'infinity'::date)), (COALESCE("number", '')), "created_at", "id");
CREATE INDEX "invoices_status_list_key_idx" ON "invoices" ("status", (COALESCE("issue_date", 'infinity'::date)), (COALESCE("number", '')), "created_at", "id");
CREATE INDEX "invoices_number_trgm_idx" ON "invoices" USING gin ("number" gin_trgm_ops);

-- Customer lists by name, and search by name or billing e-mail.
DROP INDEX "customers_legal_name_idx";
CREATE INDEX "customers_legal_name_id_idx" ON "customers" ("legal_name", "id");
CREATE INDEX "customers_legal_name_trgm_idx" ON "customers" USING gin ("legal_name" gin_trgm_ops);
CREATE INDEX "customers_billing_email_trgm_idx" ON "customers" USING gin ("billing_email" gin_trgm_ops);
