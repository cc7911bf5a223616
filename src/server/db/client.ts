import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, env } from "@/server/config";

/**
 * One PrismaClient (and so one pg pool) per process. Next's dev server re-evaluates modules on every
 * edit, so the instance is parked on globalThis to avoid leaking pools.
 */
const globalForPrisma = globalThis as unknown as { comptoirPrisma?: PrismaClient };

/**
 * Interactive transactions wait up to 10 s for a pooled connection (Prisma's default is 2 s): a burst
 * of issues queues behind the pool of 10 instead of failing with P2028 on a busy 2-core host.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/**
 * Waiting for a free connection gives up after 10 s (answered 503, see overload.ts); a statement
 * running past 60 s is cancelled by the server, a backstop for queries nobody waits for any more.
 */
const POOL_OPTIONS = { connectionTimeoutMillis: 10_000, statement_timeout: 60_000 };

export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize, ...POOL_OPTIONS }), transactionOptions: TRANSACTION_OPTIONS });
}

export function getDb(): PrismaClient {
  globalForPrisma.comptoirPrisma ??= createPrismaClient(databaseUrl(), env().DB_POOL_SIZE);
  return globalForPrisma.comptoirPrisma;
}
