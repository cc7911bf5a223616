-- CreateEnum
CREATE TYPE "tax_id_format" AS ENUM ('NINE_DIGITS', 'EMPLOYER_NUMBER', 'SOCIAL_SECURITY', 'FREE_TEXT');

-- CreateEnum
CREATE TYPE "access_request_status" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- AlterEnum
ALTER TYPE "auth_token_purpose" ADD VALUE 'BILLING_EMAIL_CHANGE';

-- AlterTable
ALTER TABLE "customer_groups" ADD COLUMN     "access_questions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "access_slug" TEXT,
ADD COLUMN     "email_help_url" TEXT,
ADD COLUMN     "max_contacts" INTEGER,
ADD COLUMN     "portal_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "portal_messages" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "tax_id_format" "tax_id_format" NOT NULL DEFAULT 'FREE_TEXT';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "pending_billing_email" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "phone" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "terms_versions" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID,

    CONSTRAINT "terms_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "terms_acceptances" (
    "id" UUID NOT NULL,
    "terms_version_id" UUID NOT NULL,
    "user_id" UUID,
    "access_request_id" UUID,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "client_address" TEXT,

    CONSTRAINT "terms_acceptances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_requests" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "status" "access_request_status" NOT NULL DEFAULT 'DRAFT',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "contact_name" TEXT NOT NULL DEFAULT '',
    "contact_email" TEXT NOT NULL DEFAULT '',
    "contact_phone" TEXT NOT NULL DEFAULT '',
    "company_name" TEXT NOT NULL DEFAULT '',
    "tax_id" TEXT,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "resume_token_hash" TEXT NOT NULL,
    "customer_id" UUID,
    "invitation_id" UUID,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "client_address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "access_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "terms_versions_group_id_version_key" ON "terms_versions"("group_id", "version");

-- CreateIndex
CREATE INDEX "terms_acceptances_user_id_idx" ON "terms_acceptances"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "terms_acceptances_terms_version_id_user_id_key" ON "terms_acceptances"("terms_version_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "terms_acceptances_terms_version_id_access_request_id_key" ON "terms_acceptances"("terms_version_id", "access_request_id");

-- CreateIndex
CREATE UNIQUE INDEX "access_requests_resume_token_hash_key" ON "access_requests"("resume_token_hash");

-- CreateIndex
CREATE INDEX "access_requests_status_created_at_idx" ON "access_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "access_requests_tax_id_idx" ON "access_requests"("tax_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_groups_access_slug_key" ON "customer_groups"("access_slug");

-- AddForeignKey
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "customer_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terms_acceptances" ADD CONSTRAINT "terms_acceptances_terms_version_id_fkey" FOREIGN KEY ("terms_version_id") REFERENCES "terms_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terms_acceptances" ADD CONSTRAINT "terms_acceptances_access_request_id_fkey" FOREIGN KEY ("access_request_id") REFERENCES "access_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "customer_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;


