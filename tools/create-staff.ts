// `npm run create-staff -- --email a@b.c --name "Alice" [--roles ADMIN,BILLING] [--locale fr]`
// Creates a staff account (the first admin of a new installation) and prints a one-hour link to set
// its password. Uses DATABASE_URL, else the embedded database of a running `npm start`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ZEmail } from "@/contracts/auth";
import { STAFF_ROLES } from "@/domain/auth/roles";
import { LOCALES } from "@/domain/i18n/locales";
import { isDomainError } from "@/domain/shared/domain-error";
import { createPrismaClient } from "@/server/db/client";
import { cliDatabaseUrl } from "./lib/cli-database-url";
import { createStaffUser } from "@/server/users/create-staff-user";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, roles: { type: "string", default: "ADMIN" }, locale: { type: "string", default: "en" } } });
const input = z
  .object({ email: ZEmail, name: z.string().trim().min(1).max(120), roles: z.string().transform((r) => r.split(",").map((x) => x.trim().toUpperCase())).pipe(z.array(z.enum(STAFF_ROLES)).min(1)), locale: z.enum(LOCALES) })
  .safeParse(values);
if (!input.success) {
  console.error('Usage: npm run create-staff -- --email EMAIL --name "NAME" [--roles ADMIN,BILLING,SUPPORT] [--locale en|fr|es]');
  for (const i of input.error.issues) console.error(`  ${i.path.join(".")}: ${i.message}`);
  process.exit(2);
}
const db = createPrismaClient(cliDatabaseUrl());
try {
  const { setupLink } = await createStaffUser(db, input.data, new Date());
  console.log(`Staff account ${input.data.email} created (${input.data.roles.join(", ")}).\nChoose its password within one hour at:\n${setupLink}`);
} catch (e) {
  console.error(isDomainError(e) ? `Refused: ${e.code}` : e);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
