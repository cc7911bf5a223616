-- CreateTable
CREATE TABLE "credit_note_tax_lines" (
    "credit_note_id" UUID NOT NULL,
    "tax_rate_bp" INTEGER NOT NULL,
    "net_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,

    CONSTRAINT "credit_note_tax_lines_pkey" PRIMARY KEY ("credit_note_id","tax_rate_bp")
);

-- AddForeignKey
ALTER TABLE "credit_note_tax_lines" ADD CONSTRAINT "credit_note_tax_lines_credit_note_id_fkey" FOREIGN KEY ("credit_note_id") REFERENCES "credit_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TRIGGER "credit_note_tax_lines_append_only" BEFORE UPDATE OR DELETE ON "credit_note_tax_lines" FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
