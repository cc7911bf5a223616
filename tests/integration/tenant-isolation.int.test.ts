import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { findCompanyUser, listCompanyUsers } from "@/server/users/user-repository";
import { makeCustomer, makeCustomerUser, makeStaff } from "../support/factories";

const db = getDb();

describe("a customer user only ever sees their own company", () => {
  it("lists and finds colleagues of the caller's company only", async () => {
    const [a, b] = [await makeCustomer(), await makeCustomer()];
    const alice = await makeCustomerUser(a.id, "OWNER");
    const bob = await makeCustomerUser(b.id);
    expect((await listCompanyUsers(db, a.id)).map((u) => u.id)).toEqual([alice.id]);
    expect(await findCompanyUser(db, a.id, alice.id)).toMatchObject({ email: alice.email, role: "OWNER" });
    expect(await findCompanyUser(db, a.id, bob.id)).toBeNull();
  });

  it("never treats staff as company members", async () => {
    const a = await makeCustomer();
    const staff = await makeStaff(["ADMIN"]);
    expect(await findCompanyUser(db, a.id, staff.id)).toBeNull();
  });

  it("the database refuses a customer user without a company, or staff inside one", async () => {
    const a = await makeCustomer();
    await expect(db.user.create({ data: { email: "orphan@example.com", name: "Orphan", kind: "CUSTOMER", customerRole: "MEMBER" } })).rejects.toThrow();
    await expect(
      db.user.create({ data: { email: "mixed@example.com", name: "Mixed", kind: "STAFF", staffRoles: ["ADMIN"], customerId: a.id } }),
    ).rejects.toThrow();
  });
});

describe("customers never see drafts, whatever the filter", () => {
  it("the portal list and its CSV filters leave drafts out even when asked for them", async () => {
    const { findInvoiceDetail } = await import("@/server/billing/invoice-queries");
    const { countInvoices, listInvoices } = await import("@/server/billing/invoice-list");
    const { makeDraftInvoice } = await import("../support/factories");
    const { invoiceId, customerId } = await makeDraftInvoice();
    const scope = { customerId };
    expect((await listInvoices(db, scope, { status: "DRAFT" }, { limit: 50 })).items).toEqual([]);
    expect((await countInvoices(db, scope, {})).count).toBe(0);
    expect(await findInvoiceDetail(db, scope, invoiceId)).toBeNull();
    // Staff still see them.
    expect((await listInvoices(db, { staff: true }, { status: "DRAFT", customerId }, { limit: 50 })).items.map((i) => i.id)).toEqual([invoiceId]);
  });
});
