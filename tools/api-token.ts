// `npm run api-token -- --name NAME`: creates a staff API token and prints it once.
// Uses DATABASE_URL, else the embedded database of a running `npm start` (.data/database-url).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZApiTokenName } from "@/contracts/api";
import { createApiToken } from "@/server/api/manage-api-tokens";
import { createPrismaClient } from "@/server/db/client";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = ZApiTokenName.safeParse(values.name);
if (!name.success) {
  console.error("Usage: npm run api-token -- --name NAME   (1 to 80 characters)");
  process.exit(2);
}
const urlFile = path.resolve(process.env.COMPTOIR_DATA_DIR ?? ".data", "database-url");
const url = process.env.DATABASE_URL ?? (fs.existsSync(urlFile) ? fs.readFileSync(urlFile, "utf8").trim() : undefined);
if (!url) {
  console.error("Set DATABASE_URL, or start the app with `npm start` first (its embedded database is then used).");
  process.exit(2);
}
const db = createPrismaClient(url);
try {
  const { token } = await createApiToken(db, null, name.data, new Date());
  console.log(`API token "${name.data}" (shown once, store it now):\n${token}`);
} finally {
  await db.$disconnect();
}
