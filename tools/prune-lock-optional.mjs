#!/usr/bin/env node
// `npm ci` refuses a lock made against a registry that lacks other platforms' optional binaries
// (darwin/win32/... builds of next, tailwind, biome...): npm leaves those packages out of the lock
// but keeps them listed as optionalDependencies, and `npm ci` sees the lock as out of sync.
// This removes optionalDependencies entries that point at packages the lock does not contain.
// Idempotent. Run after every `npm install` that changes package-lock.json (`npm run lock:prune`).
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const present = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, "")));
let removed = 0;
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      removed++;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`prune-lock-optional: removed ${removed} dangling optionalDependencies entries`);
