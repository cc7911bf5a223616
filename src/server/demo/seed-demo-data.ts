import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password-hashing";

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
    locale: "fr",
    timeZone: "Europe/Paris",
    currency: "EUR",
    users: [
      { email: "claire@dupont.example", name: "Claire Dupont", role: "OWNER" as const, locale: "fr" },
      { email: "marc@dupont.example", name: "Marc Lefèvre", role: "MEMBER" as const, locale: "fr" },
    ],
  },
  {
    legalName: "Hostal Sol y Mar S.L.",
    billingEmail: "facturas@solymar.example",
    locale: "es",
    timeZone: "Europe/Madrid",
    currency: "EUR",
    users: [
      { email: "lucia@solymar.example", name: "Lucía Martínez", role: "OWNER" as const, locale: "es" },
      { email: "john@solymar.example", name: "John Carter", role: "MEMBER" as const, locale: "en" },
    ],
  },
];

/**
 * Demo accounts and companies. Runs once: a database that already has the demo admin is left as is,
 * so restarting `npm start` never duplicates or resets anything.
 */
export async function seedDemoData(db: PrismaClient): Promise<{ created: boolean }> {
  const marker = DEMO_STAFF[0].email;
  if (await db.user.findUnique({ where: { email: marker }, select: { id: true } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const s of DEMO_STAFF) {
      await tx.user.create({ data: { email: s.email, name: s.name, kind: "STAFF", staffRoles: [...s.staffRoles], locale: s.locale, passwordHash } });
    }
    for (const c of DEMO_CUSTOMERS) {
      const { users, ...company } = c;
      const customer = await tx.customer.create({ data: company });
      for (const u of users) {
        await tx.user.create({
          data: { email: u.email, name: u.name, kind: "CUSTOMER", customerId: customer.id, customerRole: u.role, locale: u.locale, passwordHash },
        });
      }
    }
  });
  return { created: true };
}

export function demoLoginsText(): string {
  const rows = [
    ...DEMO_STAFF.map((s) => `  staff ${s.staffRoles.join("+").toLowerCase().padEnd(8)} ${s.email}`),
    ...DEMO_CUSTOMERS.flatMap((c) => c.users.map((u) => `  ${u.role.toLowerCase().padEnd(14)} ${u.email}  (${c.legalName})`)),
  ];
  return `Demo logins (password for all: ${DEMO_PASSWORD}):\n${rows.join("\n")}`;
}
