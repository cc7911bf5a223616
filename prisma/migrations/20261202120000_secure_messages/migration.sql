-- CreateEnum
CREATE TYPE "message_category" AS ENUM ('OWNERSHIP_CHANGE', 'BILLING_QUESTION', 'URGENT');

-- CreateEnum
CREATE TYPE "message_thread_status" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "message_author_kind" AS ENUM ('CUSTOMER', 'STAFF');

-- CreateTable
CREATE TABLE "message_threads" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "category" "message_category" NOT NULL,
    "status" "message_thread_status" NOT NULL DEFAULT 'OPEN',
    "assigned_to_id" UUID,
    "created_by_id" UUID NOT NULL,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL,
    "last_customer_message_at" TIMESTAMPTZ(3),
    "last_staff_message_at" TIMESTAMPTZ(3),
    "customer_read_at" TIMESTAMPTZ(3),
    "staff_read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "author_kind" "message_author_kind" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_attachments" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "message_threads_customer_id_last_message_at_id_idx" ON "message_threads"("customer_id", "last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "message_threads_last_message_at_id_idx" ON "message_threads"("last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "message_threads_assigned_to_id_last_message_at_idx" ON "message_threads"("assigned_to_id", "last_message_at" DESC);

-- CreateIndex
CREATE INDEX "messages_thread_id_created_at_idx" ON "messages"("thread_id", "created_at");

-- CreateIndex
CREATE INDEX "message_attachments_message_id_idx" ON "message_attachments"("message_id");

-- AddForeignKey
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "message_threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The size cap holds in the database too (ADR 0020), and the stored size is the bytes' size.
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_size_check" CHECK ("size" > 0 AND "size" <= 5242880 AND octet_length("bytes") = "size");
