-- AlterTable: the company's phone number, edited by its owner in the portal (issue 17).
ALTER TABLE "customers" ADD COLUMN "phone" TEXT NOT NULL DEFAULT '';
