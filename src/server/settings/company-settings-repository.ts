import type { CompanySettings, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** The one row of `company_settings` (id = 1, enforced by a CHECK constraint). */
const ROW = 1;

export type CompanySettingsRow = CompanySettings;
export type CompanySettingsWrite = Omit<Prisma.CompanySettingsUncheckedCreateInput, "id" | "updatedAt">;

export function findCompanySettingsRow(db: Db): Promise<CompanySettingsRow | null> {
  return db.companySettings.findUnique({ where: { id: ROW } });
}

/** Creates the row unless someone else did first; two first readers at once insert it once. */
export async function insertCompanySettingsIfMissing(db: Db, data: CompanySettingsWrite): Promise<void> {
  await db.companySettings.createMany({ data: [{ ...data, id: ROW }], skipDuplicates: true });
}

export async function upsertCompanySettingsRow(db: Db, data: CompanySettingsWrite): Promise<CompanySettingsRow> {
  return db.companySettings.upsert({ where: { id: ROW }, create: { ...data, id: ROW }, update: data });
}

/** Only the logo, for the route that serves it: the rest of the row is not read. */
export function findCompanyLogo(db: Db): Promise<{ logo: Uint8Array | null; logoMimeType: string | null; updatedAt: Date } | null> {
  return db.companySettings.findUnique({ where: { id: ROW }, select: { logo: true, logoMimeType: true, updatedAt: true } });
}
