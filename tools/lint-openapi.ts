// `npm run lint:openapi`: writes the /api/v1 OpenAPI document to a temporary file and lints it with
// Redocly CLI (redocly.yaml: recommended-strict). Fails on any error or warning. Offline: the
// ruleset is built in, telemetry and the update check are off.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "@/server/api/openapi";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "comptoir-openapi-"));
const file = path.join(dir, "openapi.json");
// A stand-in public URL: the served document uses APP_URL, which is localhost by default and would
// (rightly) trip no-server-example.com for a document published as is.
writeFileSync(file, JSON.stringify(openApiDocument("https://billing.comptoir.test"), null, 2));
try {
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/@redocly/cli/bin/cli.js"),
      "lint",
      "--config",
      path.join(root, "redocly.yaml"),
      file,
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
      },
    },
  );
  // The CLI's box-drawn notices (e.g. Node.js support) are not about the document.
  const output = `${r.stdout}${r.stderr}`
    .split("\n")
    .filter((l) => !/[║╔╚]/.test(l))
    .join("\n")
    .trim();
  console.log(output);
  const problems =
    /You have \d+ (warning|error)/.test(output) || !/Your API description is valid/.test(output);
  if (r.status !== 0 || problems) {
    console.error(`lint:openapi: FAILED (exit ${r.status})`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
