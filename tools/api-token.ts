// `npm run api-token -- --name NAME`: creates a staff API token and prints it once.
// Uses DATABASE_URL, else the embedded database of a running `npm start` (.data/database-url).
import { parseArgs } from "node:util";
import { ZApiTokenName } from "@/contracts/api";
import { createApiToken } from "@/server/api/manage-api-tokens";
import { createPrismaClient } from "@/server/db/client";
import { cliDatabaseUrl } from "./lib/cli-database-url";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = ZApiTokenName.safeParse(values.name);
if (!name.success) {
  console.error("Usage: npm run api-token -- --name NAME   (1 to 80 characters)");
  process.exit(2);
}
const db = createPrismaClient(cliDatabaseUrl());
try {
  const { token } = await createApiToken(db, null, name.data, new Date());
  console.log(`API token "${name.data}" (shown once, store it now):\n${token}`);
} finally {
  await db.$disconnect();
}
