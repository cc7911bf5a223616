import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** What repositories take: the client itself or the transaction a service opened. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Services that own a transaction need the real client (only it has $transaction). */
export type RootDb = PrismaClient;
