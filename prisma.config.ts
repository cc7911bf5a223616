import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline Prisma CLI: `migrate`, `db` and `generate` use our WASM-backed stand-in for the native
// schema engine instead of downloading it (ADR 0003, tools/prisma-engine/README.md). A
// PRISMA_SCHEMA_ENGINE_BINARY that the user set wins (an empty one counts as unset, as for Prisma).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(
  import.meta.dirname,
  "tools/prisma-engine/schema-engine.mjs",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // Not env("DATABASE_URL"), which throws when unset: `prisma generate` runs in postinstall on a fresh
  // machine with no database configured and needs none; other commands then target the local default.
  datasource: { url: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/comptoir" },
});
