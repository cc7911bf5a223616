// `next build` once, reused while nothing it depends on has changed: we hash the inputs of the build
// and keep the hash beside the build output.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["src", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function hashTree(hash, root, rel) {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) if (!SKIP.has(name)) hashTree(hash, root, path.join(rel, name));
    return;
  }
  if (/\.test\.tsx?$/.test(rel)) return; // unit tests are not part of the build
  hash.update(rel).update("\0").update(fs.readFileSync(full)).update("\0");
}

export function buildInputsHash(root) {
  const hash = createHash("sha256");
  for (const input of INPUTS) hashTree(hash, root, input);
  return hash.digest("hex");
}

/** Runs a Node script without blocking the event loop (the embedded database may be served from it). */
function runNode(root, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    p.on("error", reject);
    p.on("exit", (code) => resolve(code));
  });
}

/** Runs `prisma generate` when the generated client is missing or older than the schema. */
export async function ensurePrismaClient(root) {
  const generated = path.join(root, "src/generated/prisma/client.ts");
  const schema = path.join(root, "prisma/schema.prisma");
  if (fs.existsSync(generated) && fs.statSync(generated).mtimeMs >= fs.statSync(schema).mtimeMs) return;
  if ((await runNode(root, [path.join(root, "node_modules/prisma/build/index.js"), "generate"])) !== 0) throw new Error("prisma generate failed");
}

/** Builds the production bundle unless the previous build had exactly the same inputs. */
export async function ensureProductionBuild(root, { log = console.log } = {}) {
  await ensurePrismaClient(root);
  const stamp = path.join(root, ".next", "comptoir-build-inputs");
  const current = buildInputsHash(root);
  const previous = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : null;
  if (previous === current && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("Production build is up to date.");
    return;
  }
  log("Building the production bundle (next build)…");
  const status = await runNode(root, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (status !== 0) throw new Error("next build failed");
  fs.writeFileSync(stamp, current);
}
