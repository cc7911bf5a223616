import type { Db } from "@/server/db/types";
import { findCompanyLogo } from "@/server/settings/company-settings-repository";

/** The uploaded logo and a version tag for HTTP caching; null until an admin uploads one. */
export async function getCompanyLogo(db: Db): Promise<{ bytes: Uint8Array; mimeType: string; version: string } | null> {
  const row = await findCompanyLogo(db);
  if (!row?.logo || !row.logoMimeType) return null;
  return { bytes: row.logo, mimeType: row.logoMimeType, version: String(row.updatedAt.getTime()) };
}
