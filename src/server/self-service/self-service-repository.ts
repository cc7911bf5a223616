import type { CompanyInfoDto, SiteWithSubscriptionsDto, TUpdateCompanyInfoInput } from "@/contracts/self-service";
import { dateFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/** The portal's self-service reads and writes (issue 17). Every function takes the caller's own ids. */

const companySelect = {
  legalName: true,
  taxId: true,
  billingEmail: true,
  pendingBillingEmail: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  country: true,
  phone: true,
} as const;

export async function findCompanyInfo(db: Db, customerId: string): Promise<CompanyInfoDto | null> {
  return db.customer.findUnique({ where: { id: customerId }, select: companySelect });
}

/** The company row locked until the transaction ends, with what the self-service use-cases need. */
export async function lockCompany(db: Db, customerId: string) {
  const locked = await db.$queryRaw<{ id: string }[]>`SELECT id FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return db.customer.findUnique({
    where: { id: customerId },
    select: { ...companySelect, id: true, locale: true, group: { select: { portalMessages: true } } },
  });
}

export async function writeCompanyInfo(db: Db, customerId: string, data: Partial<TUpdateCompanyInfoInput>): Promise<void> {
  await db.customer.updateMany({ where: { id: customerId }, data });
}

export async function setPendingBillingEmail(db: Db, customerId: string, pending: string | null): Promise<void> {
  await db.customer.updateMany({ where: { id: customerId }, data: { pendingBillingEmail: pending } });
}

export async function applyBillingEmail(db: Db, customerId: string, billingEmail: string): Promise<void> {
  await db.customer.updateMany({ where: { id: customerId }, data: { billingEmail, pendingBillingEmail: null } });
}

/** Every billing e-mail link still usable that anyone of the company asked for. */
export async function revokeBillingEmailLinks(db: Db, customerId: string, at: Date): Promise<number> {
  const { count } = await db.authToken.updateMany({
    where: { purpose: "BILLING_EMAIL_CHANGE", usedAt: null, revokedAt: null, user: { customerId } },
    data: { revokedAt: at },
  });
  return count;
}

export async function countRecentBillingEmailLinks(db: Db, customerId: string, since: Date): Promise<number> {
  return db.authToken.count({ where: { purpose: "BILLING_EMAIL_CHANGE", createdAt: { gt: since }, user: { customerId } } });
}

/** A billing e-mail link by its hash, with the company it belongs to (through the requester). */
export async function findBillingEmailLink(db: Db, tokenHash: string) {
  return db.authToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, disabledAt: true, customerId: true, customer: { select: { legalName: true, billingEmail: true, pendingBillingEmail: true, locale: true } } } },
    },
  });
}

export async function findUserCredentials(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true, sessionVersion: true } });
}

export async function findProfile(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { name: true, phone: true, email: true } });
}

export async function writeProfile(db: Db, userId: string, data: { name: string; phone: string }): Promise<void> {
  await db.user.update({ where: { id: userId }, data });
}

/** Sets the password and bumps the session version; returns the new version for the caller's own session. */
export async function writePasswordEndingSessions(db: Db, userId: string, passwordHash: string): Promise<number> {
  const u = await db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return u.sessionVersion;
}

/**
 * The company's sites, each with its subscriptions, then the subscriptions attached to no site (two
 * queries whatever the number of sites).
 */
export async function listSitesWithSubscriptions(db: Db, customerId: string): Promise<SiteWithSubscriptionsDto[]> {
  const [sites, subscriptions] = await Promise.all([
    db.site.findMany({ where: { customerId }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.subscription.findMany({
      where: { customerId },
      orderBy: [{ description: "asc" }, { id: "asc" }],
      select: { id: true, siteId: true, description: true, status: true, currentPeriodEnd: true },
    }),
  ]);
  const view = (s: (typeof subscriptions)[number]) => ({
    id: s.id,
    description: s.description,
    status: s.status,
    nextRenewal: s.status === "ACTIVE" || s.status === "SUSPENDED" ? dateFromDb(s.currentPeriodEnd) : null,
  });
  const bySite = new Map<string | null, typeof subscriptions>();
  for (const s of subscriptions) bySite.set(s.siteId, [...(bySite.get(s.siteId) ?? []), s]);
  const groups: SiteWithSubscriptionsDto[] = sites.map((site) => ({
    site: { id: site.id, name: site.name, addressLines: [site.addressLine1, site.addressLine2, `${site.postalCode} ${site.city}`.trim(), site.country].filter(Boolean) },
    subscriptions: (bySite.get(site.id) ?? []).map(view),
  }));
  const loose = (bySite.get(null) ?? []).map(view);
  if (loose.length > 0) groups.push({ site: null, subscriptions: loose });
  return groups;
}
