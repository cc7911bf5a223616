import type { CompanySettingsDto } from "@/contracts/company-settings";
import { env } from "@/server/config";
import type { Db } from "@/server/db/types";
import { type CompanySettingsRow, findCompanySettingsRow, insertCompanySettingsIfMissing } from "@/server/settings/company-settings-repository";

/** The settings with the logo's bytes, for documents; pages receive `toCompanySettingsDto`. */
export type CompanySettingsRecord = CompanySettingsRow;

/**
 * The provider's identity. The first read on a database without the row creates it from the
 * COMPANY_* environment variables (older installs configured it there); afterwards only
 * Settings → Company changes it, and the variables are ignored.
 */
export async function getCompanySettings(db: Db): Promise<CompanySettingsRecord> {
  const row = await findCompanySettingsRow(db);
  if (row) return row;
  const e = env();
  await insertCompanySettingsIfMissing(db, {
    legalName: e.COMPANY_NAME,
    address: e.COMPANY_ADDRESS.split("|").map((l) => l.trim()).filter(Boolean).join("\n"),
    vatNumber: e.COMPANY_TAX_ID,
    email: e.COMPANY_EMAIL,
  });
  const seeded = await findCompanySettingsRow(db);
  if (!seeded) throw new Error("company_settings row missing right after its insert");
  return seeded;
}

export function toCompanySettingsDto(row: CompanySettingsRecord): CompanySettingsDto {
  const { logo, logoMimeType: _type, updatedById: _by, id: _id, updatedAt, ...rest } = row;
  return { ...rest, hasLogo: logo !== null, updatedAt: updatedAt.toISOString() };
}

/** The seller block of a document: name, address lines, identifiers and contact (from the settings or a document's snapshot). */
export function sellerParty(s: Pick<CompanySettingsRecord, "legalName" | "address" | "registrationNumber" | "vatNumber" | "email" | "phone">) {
  return {
    name: s.legalName,
    addressLines: s.address.split("\n").map((l) => l.trim()).filter(Boolean),
    registrationNumber: s.registrationNumber || null,
    taxId: s.vatNumber || null,
    email: s.email || null,
    phone: s.phone || null,
  };
}
