-- AlterTable
ALTER TABLE "idempotency_keys" ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ALTER COLUMN "response_status" DROP NOT NULL,
ALTER COLUMN "response_body" DROP NOT NULL;
