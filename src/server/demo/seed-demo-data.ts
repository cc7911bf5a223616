import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password-hashing";
import { seedDemoCompany } from "@/server/demo/seed-demo-company";
import { seedDemoCatalogue } from "@/server/demo/seed-demo-catalogue";
import { seedDemoLedger } from "@/server/demo/seed-demo-ledger";

interface DemoStaff {
  email: string;
  name: string;
  staffRoles: readonly ("ADMIN" | "BILLING" | "SUPPORT")[];
  locale: string;
}

/** The password of every demo account; printed by `npm start`. Demo data only. */
export const DEMO_PASSWORD = "comptoir-demo-2026";

export const DEMO_STAFF: readonly [DemoStaff, ...DemoStaff[]] = [
  { email: "admin@comptoir.example", name: "Alice Admin", staffRoles: ["ADMIN"] as const, locale: "en" },
  { email: "billing@comptoir.example", name: "Bruno Facturation", staffRoles: ["BILLING"] as const, locale: "fr" },
  { email: "support@comptoir.example", name: "Sofía Soporte", staffRoles: ["SUPPORT"] as const, locale: "es" },
];

export const DEMO_CUSTOMERS = [
  {
    legalName: "Boulangerie Dupont SARL",
    billingEmail: "compta@dupont.example",
    addressLine1: "12 rue des Fournils",
    postalCode: "69002",
    city: "Lyon",
    country: "FR",
    taxId: "FR40123456789",
    sites: ["Boutique — Lyon", "Atelier — Villeurbanne"],
    locale: "fr",
    timeZone: "Europe/Paris",
    currency: "EUR",
    services: [
      { description: "Serveur dédié — Lyon DC2", unitAmountMinor: 14900, taxRateBp: 2000 },
      { description: "Hébergement mutualisé — boulangerie-dupont.fr", unitAmountMinor: 1290, taxRateBp: 2000 },
      { description: "Contrat de maintenance", unitAmountMinor: 4500, taxRateBp: 2000 },
    ],
    users: [
      { email: "claire@dupont.example", name: "Claire Dupont", role: "OWNER" as const, locale: "fr" },
      { email: "marc@dupont.example", name: "Marc Lefèvre", role: "MEMBER" as const, locale: "fr" },
    ],
  },
  {
    legalName: "Hostal Sol y Mar S.L.",
    billingEmail: "facturas@solymar.example",
    addressLine1: "Calle del Puerto 4",
    postalCode: "29601",
    city: "Marbella",
    country: "ES",
    taxId: "ESB12345678",
    sites: ["Hostal — Marbella", "Oficina — Málaga"],
    locale: "es",
    timeZone: "Europe/Madrid",
    currency: "EUR",
    services: [
      { description: "Servidor virtual — VPS 4 GB", unitAmountMinor: 3900, taxRateBp: 2100 },
      { description: "Certificado SSL — reservas.solymar.es", unitAmountMinor: 990, taxRateBp: 2100 },
    ],
    users: [
      { email: "lucia@solymar.example", name: "Lucía Martínez", role: "OWNER" as const, locale: "es" },
      { email: "john@solymar.example", name: "John Carter", role: "MEMBER" as const, locale: "en" },
    ],
  },
];

/**
 * Demo accounts and companies (and, unless `supportHistory` is false, a support bank with a few
 * interventions for the first company). Runs once: a database that already has the demo admin is left as is,
 * so restarting `npm start` never duplicates or resets anything.
 */
export async function seedDemoData(db: PrismaClient, now: Date = new Date(), options: { supportHistory?: boolean } = {}): Promise<{ created: boolean }> {
  const marker = DEMO_STAFF[0].email;
  if (await db.user.findUnique({ where: { email: marker }, select: { id: true } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const customers = await db.$transaction(async (tx) => {
    await seedDemoCompany(tx);
    for (const s of DEMO_STAFF) {
      await tx.user.create({ data: { email: s.email, name: s.name, kind: "STAFF", staffRoles: [...s.staffRoles], locale: s.locale, passwordHash } });
    }
    // One group per country, so business days skip each country's public holidays (Andalusia's too).
    const groups = {
      FR: await tx.customerGroup.create({ data: { name: "Clients France", holidayCountry: "FR" } }),
      ES: await tx.customerGroup.create({ data: { name: "Clientes España", holidayCountry: "ES", holidayRegion: "AN" } }),
    };
    const created = [];
    for (const c of DEMO_CUSTOMERS) {
      const { users, services, sites, ...company } = c;
      const customer = await tx.customer.create({ data: { ...company, groupId: groups[company.country as "FR" | "ES"].id } });
      created.push({ id: customer.id, services, sites });
      for (const u of users) {
        await tx.user.create({
          data: { email: u.email, name: u.name, kind: "CUSTOMER", customerId: customer.id, customerRole: u.role, locale: u.locale, passwordHash },
        });
      }
    }
    return created;
  });
  const billing = await db.user.findUniqueOrThrow({ where: { email: "billing@comptoir.example" }, select: { id: true, email: true, name: true } });
  await seedDemoLedger(db, billing, customers, now);
  const { bankProductId } = await seedDemoCatalogue(db, billing, customers, now);
  const technician = await db.user.findUniqueOrThrow({ where: { email: "support@comptoir.example" }, select: { id: true, email: true, name: true } });
  // The first company's member calls support: a bank, a ticket and a few interventions (issue 18).
  const first = customers[0];
  const caller = DEMO_CUSTOMERS[0]?.users[1];
  // The browser tests count Dupont's invoices and e-mails as they were before support existed; they skip it.
  if (first && caller && options.supportHistory !== false) {
    const requester = await db.user.findUniqueOrThrow({ where: { email: caller.email }, select: { id: true, email: true } });
    // Loaded here, not at the top: the browser tests import this module for its constants, and the
    // support use-cases pull in the e-mail catalogues (JSON) that their loader cannot import.
    const { seedDemoDesk, seedDemoSupport } = await import("@/server/demo/seed-demo-support");
    await seedDemoSupport(db, billing, technician, { id: first.id, requester }, bankProductId, now);
    await seedDemoDesk(db, technician, now);
  }
  return { created: true };
}

export function demoLoginsText(): string {
  const rows = [
    ...DEMO_STAFF.map((s) => `  staff ${s.staffRoles.join("+").toLowerCase().padEnd(8)} ${s.email}`),
    ...DEMO_CUSTOMERS.flatMap((c) => c.users.map((u) => `  ${u.role.toLowerCase().padEnd(14)} ${u.email}  (${c.legalName})`)),
  ];
  return `Demo logins (password for all: ${DEMO_PASSWORD}):\n${rows.join("\n")}\n  The admin sets up two-factor authentication at first sign-in (any TOTP app, e.g. Aegis or Google Authenticator).`;
}
