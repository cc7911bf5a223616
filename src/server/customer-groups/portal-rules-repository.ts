import type { TermsVersionDto } from "@/contracts/portal-rules-views";
import { TAX_ID_FORMATS, type TaxIdFormat } from "@/domain/customers/tax-id";
import { LOCALES } from "@/domain/i18n/locales";
import type { LocalisedText } from "@/domain/portal-rules/portal-messages";
import type { Db } from "@/server/db/types";

/** The raw portal columns of a group (JSON still unread: the use-case reads it through the domain). */
export interface PortalRulesRow {
  id: string;
  name: string;
  portalEnabled: boolean;
  taxIdFormat: TaxIdFormat;
  emailHelpUrl: string | null;
  portalMessages: unknown;
  accessQuestions: unknown;
  maxContacts: number | null;
  accessSlug: string | null;
}

const select = {
  id: true,
  name: true,
  portalEnabled: true,
  taxIdFormat: true,
  emailHelpUrl: true,
  portalMessages: true,
  accessQuestions: true,
  maxContacts: true,
  accessSlug: true,
} as const;

function toRow(g: Omit<PortalRulesRow, "taxIdFormat"> & { taxIdFormat: string }): PortalRulesRow {
  const format = (TAX_ID_FORMATS as readonly string[]).includes(g.taxIdFormat) ? (g.taxIdFormat as TaxIdFormat) : "FREE_TEXT";
  return { ...g, taxIdFormat: format };
}

export async function findPortalRulesRow(db: Db, groupId: string): Promise<PortalRulesRow | null> {
  const g = await db.customerGroup.findUnique({ where: { id: groupId }, select });
  return g ? toRow(g) : null;
}

/** The group whose public access-request link is /access/{slug}; null for an unknown slug. */
export async function findGroupByAccessSlug(db: Db, slug: string): Promise<PortalRulesRow | null> {
  const g = await db.customerGroup.findUnique({ where: { accessSlug: slug }, select });
  return g ? toRow(g) : null;
}

/** Reads a stored terms body `{ en, fr, es }`, keeping string texts only. */
export function readTermsBody(stored: unknown): LocalisedText {
  const out: LocalisedText = {};
  if (typeof stored !== "object" || stored === null) return out;
  for (const locale of LOCALES) {
    const text = (stored as Record<string, unknown>)[locale];
    if (typeof text === "string" && text.trim() !== "") out[locale] = text;
  }
  return out;
}

/** The latest published terms of a group (the one everybody must have accepted), or null. */
export async function findCurrentTerms(db: Db, groupId: string): Promise<TermsVersionDto | null> {
  const t = await db.termsVersion.findFirst({ where: { groupId }, orderBy: { version: "desc" }, select: { id: true, version: true, body: true, publishedAt: true } });
  return t ? { id: t.id, version: t.version, body: readTermsBody(t.body), publishedAt: t.publishedAt } : null;
}

/** The portal columns as the use-case saves them (JSON already checked by the contract). */
export interface PortalRulesWrite {
  portalEnabled: boolean;
  taxIdFormat: TaxIdFormat;
  emailHelpUrl: string | null;
  portalMessages: Record<string, Record<string, string>>;
  accessQuestions: { id: string; label: Record<string, string>; required: boolean }[];
  maxContacts: number | null;
  accessSlug: string | null;
}

export async function updatePortalRulesRow(db: Db, groupId: string, data: PortalRulesWrite): Promise<void> {
  await db.customerGroup.update({ where: { id: groupId }, data });
}

/** Whether another group already uses this public link. */
export async function accessSlugTakenByOther(db: Db, slug: string, groupId: string): Promise<boolean> {
  return (await db.customerGroup.count({ where: { accessSlug: slug, NOT: { id: groupId } } })) > 0;
}
