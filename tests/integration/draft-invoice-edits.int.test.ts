import { describe, expect, it } from "vitest";
import { deleteDraftInvoice } from "@/server/billing/delete-draft-invoice";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { updateDraftInvoice } from "@/server/billing/update-draft-invoice";
import { getDb } from "@/server/db/client";
import { makeDraftInvoice } from "../support/factories";
import { codeOf } from "../support/helpers";

// Issue 13, item 11: drafts can be edited and deleted; issued invoices cannot.
const db = getDb();
const now = new Date("2026-01-02T10:00:00Z");
const line = (description: string, unitAmountMinor: number) => ({ description, quantity: "2", unitAmountMinor, taxRateBp: 2000 });

describe("drafts", () => {
  it("are rewritten as a whole, with provisional totals recomputed and an audit event", async () => {
    const { invoiceId, staff } = await makeDraftInvoice();
    await updateDraftInvoice(db, staff, invoiceId, { notes: "Merci", lines: [line("Maintenance", 5000)] }, now);
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: true } });
    expect(inv.lines.map((l) => l.description)).toEqual(["Maintenance"]);
    expect({ notes: inv.notes, net: Number(inv.netMinor), gross: Number(inv.grossMinor), status: inv.status }).toEqual({ notes: "Merci", net: 10000, gross: 12000, status: "DRAFT" });
    expect(await db.auditEvent.count({ where: { targetId: invoiceId, action: "invoice.draft_updated" } })).toBe(1);
  });

  it("are deleted with their lines, leaving an audit trace", async () => {
    const { invoiceId, staff, customerId } = await makeDraftInvoice();
    expect(await deleteDraftInvoice(db, staff, invoiceId, now)).toEqual({ customerId });
    expect(await db.invoice.count({ where: { id: invoiceId } })).toBe(0);
    expect(await db.invoiceLine.count({ where: { invoiceId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: invoiceId, action: "invoice.draft_deleted" } })).toBe(1);
  });

  it("cannot be edited or deleted once issued", async () => {
    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, now);
    expect(await codeOf(updateDraftInvoice(db, staff, invoiceId, { notes: "", lines: [line("x", 1)] }, now))).toBe("INVOICE_NOT_DRAFT");
    expect(await codeOf(deleteDraftInvoice(db, staff, invoiceId, now))).toBe("INVOICE_NOT_DRAFT");
    expect(await db.invoice.count({ where: { id: invoiceId, status: "OPEN" } })).toBe(1);
  });
});
