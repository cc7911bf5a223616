-- AlterTable
ALTER TABLE "credit_notes" ADD COLUMN     "seller" JSONB;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "seller" JSONB;

-- Hand-written (ADR 0011): the seller printed on an issued document is frozen with it, like the buyer.
-- The snapshot is the one src/server/billing/seller-snapshot.ts writes (version 1).
--
-- Backfill: until now every issued invoice and credit note printed the company_settings row, so that
-- row is what they said the last time anyone read them. Documents issued where the row does not exist
-- yet (no document was issued or printed since migration 20261202040000) keep NULL: readers fall back
-- to the current settings, which the first read creates from the same COMPANY_* variables they used.
CREATE FUNCTION "seller_snapshot_of_company_settings"() RETURNS jsonb AS $$
  SELECT jsonb_build_object(
    'version', 1,
    'legalName', "legal_name", 'address', "address", 'country', "country",
    'registrationNumber', "registration_number", 'vatNumber', "vat_number", 'email', "email", 'phone', "phone",
    'iban', "iban", 'bic', "bic", 'accountNumber', "account_number", 'routingNumber', "routing_number",
    'paymentInstructions', "payment_instructions", 'latePenaltyRateBp', "late_penalty_rate_bp",
    'recoveryIndemnity', "recovery_indemnity", 'legalMentions', "legal_mentions", 'footerText', "footer_text")
  FROM "company_settings" WHERE "id" = 1;
$$ LANGUAGE sql STABLE;

-- The freeze trigger does not know the column yet, so issued invoices accept this one update.
UPDATE "invoices" SET "seller" = "seller_snapshot_of_company_settings"() WHERE "status" <> 'DRAFT' AND "seller" IS NULL;
-- Credit notes are append-only: their trigger is lifted for this statement only, in this transaction.
ALTER TABLE "credit_notes" DISABLE TRIGGER "credit_notes_append_only";
UPDATE "credit_notes" SET "seller" = "seller_snapshot_of_company_settings"() WHERE "seller" IS NULL;
ALTER TABLE "credit_notes" ENABLE TRIGGER "credit_notes_append_only";
DROP FUNCTION "seller_snapshot_of_company_settings"();

-- An issued invoice's seller is frozen like its buyer, and an invoice is issued with its seller.
CREATE OR REPLACE FUNCTION "invoices_protect_issued"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD."number" USING ERRCODE = 'P0001'; END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'DRAFT' AND (
       NEW."number" IS DISTINCT FROM OLD."number" OR NEW."customer_id" IS DISTINCT FROM OLD."customer_id"
    OR NEW."currency" IS DISTINCT FROM OLD."currency" OR NEW."issue_date" IS DISTINCT FROM OLD."issue_date"
    OR NEW."due_date" IS DISTINCT FROM OLD."due_date" OR NEW."net_minor" IS DISTINCT FROM OLD."net_minor"
    OR NEW."tax_minor" IS DISTINCT FROM OLD."tax_minor" OR NEW."gross_minor" IS DISTINCT FROM OLD."gross_minor"
    OR NEW."buyer" IS DISTINCT FROM OLD."buyer" OR NEW."seller" IS DISTINCT FROM OLD."seller"
    OR NEW."notes" IS DISTINCT FROM OLD."notes"
    OR NEW."issued_at" IS DISTINCT FROM OLD."issued_at" OR NEW."status" = 'DRAFT') THEN
    RAISE EXCEPTION 'issued invoice % is immutable: correct it with a credit note', OLD."number" USING ERRCODE = 'P0001';
  END IF;
  IF OLD."status" = 'DRAFT' AND NEW."status" <> 'DRAFT' AND NEW."seller" IS NULL THEN
    RAISE EXCEPTION 'invoice % cannot be issued without its seller', NEW."number" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- A credit note is written once, with its seller. A trigger rather than a CHECK: the copy of an
-- earlier installation (tools/lib/migrate-legacy-pglite.mjs, replica mode) skips triggers, and may
-- carry credit notes whose seller stayed NULL above.
CREATE FUNCTION "credit_notes_require_seller"() RETURNS trigger AS $$
BEGIN
  IF NEW."seller" IS NULL THEN
    RAISE EXCEPTION 'credit note % cannot be created without its seller', NEW."number" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "credit_notes_require_seller" BEFORE INSERT ON "credit_notes"
  FOR EACH ROW EXECUTE FUNCTION "credit_notes_require_seller"();
