import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/server/config";

/**
 * One PrismaClient (and so one pg pool) per process. Next's dev server re-evaluates modules on every
 * edit, so the instance is parked on globalThis to avoid leaking pools.
 */
const globalForPrisma = globalThis as unknown as { comptoirPrisma?: PrismaClient };

export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}

export function getDb(): PrismaClient {
  globalForPrisma.comptoirPrisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.comptoirPrisma;
}
