import fs from "node:fs";
import path from "node:path";

/**
 * The database a shell command works on: DATABASE_URL, else the embedded database of a running
 * `npm start` (the launcher writes its address to .data/database-url). Exits with a hint otherwise.
 */
export function cliDatabaseUrl(): string {
  const urlFile = path.resolve(process.env.COMPTOIR_DATA_DIR ?? ".data", "database-url");
  const url = process.env.DATABASE_URL ?? (fs.existsSync(urlFile) ? fs.readFileSync(urlFile, "utf8").trim() : undefined);
  if (!url) {
    console.error("Set DATABASE_URL, or start the app with `npm start` first (its embedded database is then used).");
    process.exit(2);
  }
  return url;
}
