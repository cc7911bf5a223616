import { describe, expect, it } from "vitest";
import { ZAuditListQuery } from "@/contracts/staff-lists";
import { listAuditEvents, recordAudit } from "@/server/audit/audit-repository";
import { countCustomerList, listCustomers } from "@/server/customers/customer-list";
import { getDb } from "@/server/db/client";
import { bulkInsertCustomers } from "../support/bulk-ledger";
import { bulkInsertAuditEvents } from "../support/bulk-lists";
import { expectStableWalk, minuteClock } from "../support/cursor-walk";
import { makeCustomer } from "../support/factories";

/** The audit log and the customer list on cursors (the ledger lists are in lists.int.test.ts). */
const db = getDb();
const unique = () => Math.random().toString(36).slice(2, 10);
const later = minuteClock("2032-01-01T09:00:00Z");

describe("the audit log", () => {
  it("pages both ways in time order (not insertion order) with bigint cursors while events are recorded", async () => {
    const actor = `walker-${unique()}@example.com`;
    await bulkInsertAuditEvents(db, {
      actorEmail: actor,
      count: 15,
      from: "2026-03-01T10:00:00Z",
      actions: ["invoice.issued", "customer.updated"],
    });
    const event = () =>
      recordAudit(db, {
        action: "invoice.voided",
        actorEmail: actor,
        targetType: "invoice",
        targetId: "new",
        at: later(),
      });
    await expectStableWalk({
      read: (req) => listAuditEvents(db, { actor }, req),
      idOf: (e) => e.id,
      limit: 4,
      addAtTop: event,
    });
    const rows = (await listAuditEvents(db, { actor }, { limit: 100 })).items;
    const keys = rows.map((e) => [e.at, BigInt(e.id)] as const);
    expect([...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1))).toEqual(
      keys,
    );
    expect(keys.some(([, id], i) => i > 0 && id > (keys[i - 1]?.[1] ?? 0n))).toBe(true);
    // The screen's cursor is a bigint id; anything else, or one past bigint, is the first page.
    expect(ZAuditListQuery.parse({ after: rows[3]?.id }).after).toBe(rows[3]?.id);
    for (const bad of ["0", "-1", "9223372036854775808", crypto.randomUUID()])
      expect(ZAuditListQuery.parse({ before: bad }).before).toBeUndefined();
  });

  it("filters by actor, action and days", async () => {
    const actor = `auditor-${unique()}@example.com`;
    const other = `someone-${unique()}@example.com`;
    const at = (iso: string) => new Date(iso);
    await recordAudit(db, {
      action: "customer.updated",
      actorEmail: actor,
      targetType: "customer",
      targetId: "c1",
      at: at("2026-03-05T10:00:00.000Z"),
    });
    await recordAudit(db, {
      action: "invoice.issued",
      actorEmail: actor,
      targetType: "invoice",
      targetId: "i1",
      at: at("2026-03-01T10:00:00.000Z"),
    });
    await recordAudit(db, {
      action: "invoice.issued",
      actorEmail: actor,
      targetType: "invoice",
      targetId: "i2",
      at: at("2026-03-09T10:00:00.000Z"),
    });
    await recordAudit(db, {
      action: "invoice.voided",
      actorEmail: actor,
      targetType: "invoice",
      targetId: "i3",
      at: at("2026-03-05T10:00:00.000Z"),
    });
    await recordAudit(db, {
      action: "invoice.issued",
      actorEmail: other,
      targetType: "invoice",
      targetId: "i4",
      at: at("2026-03-07T10:00:00.000Z"),
    });
    const targets = async (raw: Record<string, string>) =>
      (await listAuditEvents(db, ZAuditListQuery.parse(raw), { limit: 50 })).items.map((e) => e.targetId);
    expect(await targets({ actor })).toEqual(["i2", "i3", "c1", "i1"]);
    expect(await targets({ actor: actor.toUpperCase().slice(0, 14), action: "invoice.issued" })).toEqual([
      "i2",
      "i1",
    ]);
    expect(await targets({ actor, from: "2026-03-05", to: "2026-03-05" })).toEqual(["i3", "c1"]);
    expect(await targets({ actor: other })).toEqual(["i4"]);
  });
});

describe("back-office list of customers", () => {
  it("pages both ways by legal name while customers are added, searches name or e-mail, and caps its total", async () => {
    const prefix = `Walk${unique()}`;
    await bulkInsertCustomers(db, 13, prefix);
    let n = 1000;
    const customer = () => makeCustomer({ legalName: `${prefix} 000000-${--n}` });
    const filters = { search: prefix.toLowerCase() };
    const all = await expectStableWalk({
      read: (req) => listCustomers(db, filters, req),
      idOf: (c) => c.id,
      limit: 4,
      addAtTop: customer,
    });
    const rows = (await listCustomers(db, filters, { limit: 100 })).items;
    expect(rows.map((c) => c.id)).toEqual(all);
    expect(rows.at(-1)).toMatchObject({
      legalName: `${prefix} 000013`,
      billingEmail: `${prefix.toLowerCase()}-13@example.com`,
      userCount: 0,
    });
    expect(await countCustomerList(db, filters)).toEqual({ count: rows.length, capped: false });
    expect(
      (await listCustomers(db, { search: `${prefix.toUpperCase()}-7@EXAMPLE` }, { limit: 10 })).items.map(
        (c) => c.legalName,
      ),
    ).toEqual([`${prefix} 000007`]);
    expect((await listCustomers(db, { search: `${prefix}_` }, { limit: 10 })).items).toEqual([]);
  });
});
