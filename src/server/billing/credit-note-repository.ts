import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** Invoice lines with what earlier credit notes already took from each (one grouped query). */
export async function creditableLines(db: Db, invoiceId: string) {
  const [lines, credited] = await Promise.all([
    db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } }),
    db.creditNoteLine.groupBy({ by: ["invoiceLineId"], where: { invoiceLine: { invoiceId } }, _sum: { netMinor: true } }),
  ]);
  const creditedByLine = new Map(credited.map((c) => [c.invoiceLineId, c._sum.netMinor ?? 0n]));
  return lines.map((l) => ({ ...l, creditedNetMinor: creditedByLine.get(l.id) ?? 0n }));
}

export async function invoiceTaxGroups(db: Db, invoiceId: string) {
  return db.invoiceTaxLine.findMany({ where: { invoiceId }, orderBy: { taxRateBp: "asc" } });
}

export async function insertCreditNote(
  db: Db,
  data: {
    number: string;
    invoiceId: string;
    customerId: string;
    currency: string;
    issueDate: Date;
    reason: string;
    netMinor: bigint;
    taxMinor: bigint;
    grossMinor: bigint;
    /** The seller as printed (`SellerSnapshot`). */
    seller: Prisma.InputJsonObject;
    createdById: string | null;
    createdAt: Date;
    lines: { position: number; invoiceLineId: string | null; description: string; netMinor: bigint; taxRateBp: number; periodStart: Date | null; periodEnd: Date | null }[];
    taxLines: { taxRateBp: number; netMinor: bigint; taxMinor: bigint }[];
  },
): Promise<{ id: string }> {
  const { lines, taxLines, ...note } = data;
  return db.creditNote.create({ data: { ...note, lines: { create: lines }, taxLines: { create: taxLines } }, select: { id: true } });
}
