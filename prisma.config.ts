import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: the Prisma CLI uses our WASM-backed schema engine instead of downloading the native
// binary (ADR 0003). A PRISMA_SCHEMA_ENGINE_BINARY set by the user wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "tools/prisma-engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // `prisma generate` (run by postinstall on a fresh machine) needs no database: a placeholder is fine.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/comptoir" },
});
