-- CreateTable
CREATE TABLE "company_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "legal_name" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "country" CHAR(2) NOT NULL DEFAULT 'FR',
    "registration_number" TEXT NOT NULL DEFAULT '',
    "vat_number" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "iban" TEXT NOT NULL DEFAULT '',
    "bic" TEXT NOT NULL DEFAULT '',
    "account_number" TEXT NOT NULL DEFAULT '',
    "routing_number" TEXT NOT NULL DEFAULT '',
    "payment_instructions" TEXT NOT NULL DEFAULT '',
    "footer_text" TEXT NOT NULL DEFAULT '',
    "payment_terms_days" INTEGER NOT NULL DEFAULT 30,
    "late_penalty_rate_bp" INTEGER,
    "recovery_indemnity" BOOLEAN NOT NULL DEFAULT false,
    "legal_mentions" TEXT NOT NULL DEFAULT '',
    "logo" BYTEA,
    "logo_mime_type" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "company_settings_pkey" PRIMARY KEY ("id")
);

-- Hand-written: a single row, and a logo only together with its content type.
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_single_row" CHECK ("id" = 1);
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_logo_type" CHECK (("logo" IS NULL) = ("logo_mime_type" IS NULL));
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_payment_terms" CHECK ("payment_terms_days" BETWEEN 0 AND 365);
