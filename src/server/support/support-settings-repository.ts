import type { SupportSettings } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** The one row of `support_settings` (id = 1, CHECK constraint; inserted by its migration). */
const ROW = 1;

export type SupportSettingsRow = SupportSettings;

export async function findSupportSettingsRow(db: Db): Promise<SupportSettingsRow> {
  const row = await db.supportSettings.findUnique({ where: { id: ROW } });
  // The migration inserts the row; a database restored without it gets the defaults back.
  return row ?? db.supportSettings.upsert({ where: { id: ROW }, create: { id: ROW }, update: {} });
}
