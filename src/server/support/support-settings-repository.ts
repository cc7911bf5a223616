import type { Prisma, SupportSettings } from "@/generated/prisma/client";
import type { ChargingRules } from "@/domain/support/charging-rules";
import type { Db } from "@/server/db/types";

/** The one row of `support_settings` (id = 1, CHECK constraint; inserted by its migration). */
const ROW = 1;

export type SupportSettingsRow = SupportSettings;

export async function findSupportSettingsRow(db: Db): Promise<SupportSettingsRow> {
  const row = await db.supportSettings.findUnique({ where: { id: ROW } });
  // The migration inserts the row; a database restored without it gets the defaults back.
  return row ?? db.supportSettings.upsert({ where: { id: ROW }, create: { id: ROW }, update: {} });
}

export type SupportSettingsWrite = Omit<Prisma.SupportSettingsUncheckedCreateInput, "id" | "updatedAt" | "chargingRules"> & { chargingRules: ChargingRules };

export async function updateSupportSettingsRow(db: Db, write: SupportSettingsWrite): Promise<void> {
  const data = { ...write, chargingRules: write.chargingRules as unknown as Prisma.InputJsonObject };
  await db.supportSettings.upsert({ where: { id: ROW }, create: { ...data, id: ROW }, update: data });
}

/** Locks the row: two admins saving at once each see what the other saved (the audit's "from"). */
export async function lockSupportSettings(db: Db): Promise<void> {
  await db.$queryRaw`SELECT id FROM support_settings WHERE id = 1 FOR UPDATE`;
}
