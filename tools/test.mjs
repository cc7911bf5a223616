#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Stops at the first failure.
//   typecheck -> lint -> OpenAPI lint (Redocly, offline) -> next build -> vitest (unit + integration on a fresh database) -> Playwright e2e.
// The build comes before vitest because an integration test runs `npm start` itself (killed mid-write).
// `npm test -- --no-e2e` skips the browser tests (for a quick loop; CI runs everything).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePrismaClient, ensureProductionBuild } from "./lib/build-cache.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const skipE2e = process.argv.includes("--no-e2e");

function step(name, args) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await ensurePrismaClient(root);
step("typegen", [bin("next", "dist/bin/next"), "typegen"]);
step("typecheck", [bin("typescript", "bin/tsc"), "--noEmit", "-p", "tsconfig.json"]);
step("lint", [bin("@biomejs/biome", "bin/biome"), "lint", "."]);
step("openapi lint", [bin("tsx", "dist/cli.mjs"), "tools/lint-openapi.ts"]);
await ensureProductionBuild(root);
step("vitest (unit + integration)", [bin("vitest", "vitest.mjs"), "run"]);
if (!skipE2e) step("playwright (e2e)", [bin("@playwright/test", "cli.js"), "test"]);
