import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { sendPurchaseOrder } from "@/server/orders/send-purchase-order";
import { countPdfPages, extractPdfText } from "@/server/pdf/extract-pdf-text";
import { makeCustomer, makeCustomerUser, makeProducts, makeStaff } from "../support/factories";

// The routes' guards read the session; here they answer for whoever the test signs in.
const who = vi.hoisted(() => ({ current: null as null | { kind: "customer"; customerId: string } | { kind: "staff" } }));
vi.mock("@/server/auth/guards", async () => {
  const { notFound, redirect } = await import("next/navigation");
  return {
    requireCustomer: async () => {
      const user = who.current;
      if (user?.kind !== "customer") return redirect("/signin");
      return { id: "u", email: "u@example.com", customerId: user.customerId };
    },
    requireStaff: async () => {
      if (who.current?.kind !== "staff") return notFound();
      return { id: "s", email: "s@example.com", staffRoles: ["BILLING"] };
    },
  };
});

const portalRoute = await import("@/app/(portal)/portal/orders/[orderId]/pdf/route");
const staffRoute = await import("@/app/(staff)/staff/orders/[orderId]/pdf/route");

const db = getDb();
const jan31 = new Date("2026-01-31T10:00:00Z");

async function sentOrder() {
  const customer = await makeCustomer({ locale: "en" });
  const staff = await makeStaff(["BILLING"]);
  await makeCustomerUser(customer.id, "OWNER");
  const { server, setup } = await makeProducts();
  const { orderId, number } = await createPurchaseOrder(
    db,
    staff,
    { customerId: customer.id, notes: "Installation within 5 working days.", lines: [{ productId: server.id, cycle: "MONTHLY", quantity: "2" }, { productId: setup.id, quantity: "1" }] },
    jan31,
  );
  await sendPurchaseOrder(db, staff, orderId, jan31);
  return { customer, orderId, number };
}

/** The route's answer, or "404" when it called notFound(). */
async function get(route: { GET: (r: Request, c: { params: Promise<{ orderId: string }> }) => Promise<Response> }, orderId: string): Promise<Response | "404"> {
  try {
    return await route.GET(new Request("http://localhost/x"), { params: Promise.resolve({ orderId }) });
  } catch (e) {
    if (e instanceof Error && /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/.test(`${e.message} ${(e as { digest?: string }).digest ?? ""}`)) return "404";
    throw e;
  }
}

describe("the order PDF", () => {
  it("is served to the owning company and to staff, never cached, and 404 for another company", async () => {
    const { customer, orderId, number } = await sentOrder();
    const other = await makeCustomer();

    who.current = { kind: "customer", customerId: customer.id };
    const own = await get(portalRoute, orderId);
    if (own === "404") throw new Error("the owner got a 404");
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(own.headers.get("cache-control")).toContain("no-store");
    expect(own.headers.get("content-disposition")).toContain(`${number}.pdf`);

    who.current = { kind: "customer", customerId: other.id };
    expect(await get(portalRoute, orderId)).toBe("404");

    who.current = { kind: "staff" };
    const staff = await get(staffRoute, orderId);
    if (staff === "404") throw new Error("staff got a 404");
    expect(staff.status).toBe(200);
    expect(staff.headers.get("cache-control")).toContain("no-store");

    who.current = { kind: "customer", customerId: customer.id };
    expect(await get(portalRoute, "00000000-0000-4000-8000-000000000000")).toBe("404");
    expect(await get(portalRoute, "not-a-uuid")).toBe("404");
  });

  it("a customer cannot print a draft order; staff can", async () => {
    const customer = await makeCustomer();
    const staff = await makeStaff(["BILLING"]);
    const { setup } = await makeProducts();
    const { orderId } = await createPurchaseOrder(db, staff, { customerId: customer.id, notes: "", lines: [{ productId: setup.id, quantity: "1" }] }, jan31);
    who.current = { kind: "customer", customerId: customer.id };
    expect(await get(portalRoute, orderId)).toBe("404");
    who.current = { kind: "staff" };
    const res = await get(staffRoute, orderId);
    expect(res === "404" ? 404 : res.status).toBe(200);
  });

  it("says what the page says: seller, buyer, tax per rate, total incl. tax, validity and terms", async () => {
    const { customer, orderId, number } = await sentOrder();
    who.current = { kind: "customer", customerId: customer.id };
    const res = await get(portalRoute, orderId);
    if (res === "404") throw new Error("404");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(countPdfPages(pdf)).toBe(1);
    const text = extractPdfText(pdf).join("\n");
    expect(text).toContain(`Purchase order ${number}`);
    expect(text).toContain(customer.legalName);
    expect(text).toContain("Total incl. tax");
    expect(text).toContain("€297.60"); // 2 × 99.00 + 50.00 = 248.00 net, 20 % tax 49.60
    expect(text).toContain("€49.60");
    expect(text).toContain("Valid until");
    expect(text).toContain("Mar 2, 2026");
    expect(text).toContain("Invoices are payable within 30 days of their date.");
    expect(text).toContain("Installation within 5 working days.");
  });
});
