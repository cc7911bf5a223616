-- AlterTable: the company's phone number, edited by its owner in the portal (issue 17).
ALTER TABLE "customers" ADD COLUMN "phone" TEXT NOT NULL DEFAULT '';

-- A billing e-mail change link (issue 17) belongs to the user who asked for it, like a password reset.
ALTER TABLE "auth_tokens" DROP CONSTRAINT "auth_tokens_subject";
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_subject" CHECK (
  ("purpose" = 'INVITATION' AND "invitation_id" IS NOT NULL AND "user_id" IS NULL)
  OR ("purpose" IN ('PASSWORD_RESET', 'BILLING_EMAIL_CHANGE') AND "user_id" IS NOT NULL AND "invitation_id" IS NULL)
);
