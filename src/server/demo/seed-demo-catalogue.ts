import { addDays, todayIn } from "@/domain/billing/calendar-date";
import type { BillingCycle, PrismaClient, ProductKind } from "@/generated/prisma/client";
import type { StaffActor } from "@/server/auth/actor";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { sendPurchaseOrder } from "@/server/orders/send-purchase-order";
import { createSubscription } from "@/server/subscriptions/create-subscription";

type Prices = [BillingCycle | null, number][];
const PRODUCTS: { code: string; kind: ProductKind; name: string; prices: Prices }[] = [
  { code: "SRV-DED-L", kind: "DEDICATED_SERVER", name: "Serveur dédié L", prices: [["MONTHLY", 14900], ["ANNUAL", 149000]] },
  { code: "VPS-4G", kind: "VIRTUAL_SERVER", name: "VPS 4 GB", prices: [["MONTHLY", 3900], ["ANNUAL", 39000]] },
  { code: "HOST-STD", kind: "SHARED_HOSTING", name: "Hébergement mutualisé", prices: [["MONTHLY", 1290], ["ANNUAL", 12900]] },
  { code: "DOM-FR", kind: "DOMAIN_NAME", name: "Nom de domaine .fr", prices: [["ANNUAL", 1500]] },
  { code: "SSL-DV", kind: "SSL_CERTIFICATE", name: "Certificat SSL DV", prices: [["ANNUAL", 9900]] },
  { code: "MAINT-PRO", kind: "MAINTENANCE_CONTRACT", name: "Contrat de maintenance", prices: [["MONTHLY", 4500], ["QUARTERLY", 13000]] },
  // Prepaid support hours (issue 18): the one-off price is the hourly rate outside a bank; banks are priced by BANK_TIERS.
  { code: "SUPPORT-HOURS", kind: "SUPPORT_HOUR_BANK", name: "Banque d'heures de support", prices: [[null, 12000]] },
  { code: "SETUP", kind: "ONE_OFF", name: "Mise en service", prices: [[null, 9900]] },
];

/** The hour bank's volume tiers (1 h, 10 h, 20 h, 40 h at decreasing rates) and its hourly rate, in EUR and CAD. */
const BANK_TIERS: { currency: string; hourlyRate: number; tiers: [number, number][] }[] = [
  { currency: "EUR", hourlyRate: 12000, tiers: [[1, 11000], [10, 9500], [20, 9000], [40, 8500]] },
  { currency: "CAD", hourlyRate: 15000, tiers: [[1, 14000], [10, 12500], [20, 11800], [40, 11000]] },
];

/** The demo catalogue (EUR prices), then sites, live subscriptions and an order awaiting an answer per customer. */
export async function seedDemoCatalogue(db: PrismaClient, staff: StaffActor, customers: { id: string; sites: string[] }[], now: Date): Promise<{ bankProductId: string }> {
  const ids = new Map<string, string>();
  for (const p of PRODUCTS) {
    const row = await db.product.create({
      data: {
        code: p.code,
        kind: p.kind,
        name: p.name,
        taxRateBp: 2000,
        prices: { create: p.prices.map(([cycle, amount]) => ({ cycle, currency: "EUR", unitAmountMinor: BigInt(amount) })) },
      },
    });
    ids.set(p.code, row.id);
  }
  const bank = ids.get("SUPPORT-HOURS") ?? "";
  for (const b of BANK_TIERS) {
    if (b.currency !== "EUR") await db.productPrice.create({ data: { productId: bank, cycle: null, currency: b.currency, unitAmountMinor: BigInt(b.hourlyRate) } });
    await db.hourBankTier.createMany({ data: b.tiers.map(([fromHours, rate]) => ({ productId: bank, currency: b.currency, fromHours, rateMinor: BigInt(rate) })) });
  }
  const id = (code: string) => ids.get(code) ?? "";
  const started = addDays(todayIn("UTC", now), -10);
  for (const c of customers) {
    const sites = [];
    for (const name of c.sites) sites.push(await db.site.create({ data: { customerId: c.id, name, city: name.split(" — ")[1] ?? "" } }));
    await createSubscription(db, staff, { customerId: c.id, productId: id("SRV-DED-L"), siteId: sites[0]?.id, cycle: "MONTHLY", quantity: "1", startDate: started }, now);
    await createSubscription(db, staff, { customerId: c.id, productId: id("DOM-FR"), cycle: "ANNUAL", quantity: "1", startDate: addDays(started, -200) }, now);
    await createSubscription(db, staff, { customerId: c.id, productId: id("MAINT-PRO"), siteId: sites[1]?.id, cycle: "QUARTERLY", quantity: "1", startDate: addDays(started, -20) }, now);
    const { orderId } = await createPurchaseOrder(
      db,
      staff,
      { customerId: c.id, notes: "", lines: [{ productId: id("SSL-DV"), cycle: "ANNUAL", quantity: "1" }, { productId: id("SETUP"), quantity: "1" }] },
      now,
    );
    await sendPurchaseOrder(db, staff, orderId, now);
  }
  return { bankProductId: bank };
}
