import type { CustomerRole } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** A company's contacts as its team page shows them: removed ones are gone, disabled ones flagged. */
export interface ContactRow {
  id: string;
  name: string;
  email: string;
  phone: string;
  role: CustomerRole;
  disabled: boolean;
  supportContact: boolean;
  createdAt: Date;
}

export async function listContacts(db: Db, customerId: string): Promise<ContactRow[]> {
  const rows = await db.user.findMany({
    where: { customerId, kind: "CUSTOMER", removedAt: null },
    orderBy: [{ customerRole: "asc" }, { name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, phone: true, customerRole: true, disabledAt: true, supportContact: true, createdAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    role: r.customerRole ?? "MEMBER",
    disabled: r.disabledAt !== null,
    supportContact: r.supportContact,
    createdAt: r.createdAt,
  }));
}

/** One contact of this company (another company's user is simply not found). */
export async function findContact(db: Db, customerId: string, userId: string) {
  const r = await db.user.findFirst({
    where: { id: userId, customerId, kind: "CUSTOMER", removedAt: null },
    select: { id: true, name: true, email: true, customerRole: true, disabledAt: true, supportContact: true },
  });
  return r && { id: r.id, name: r.name, email: r.email, role: r.customerRole ?? "MEMBER", disabled: r.disabledAt !== null, supportContact: r.supportContact };
}

/** Active (enabled, not removed) authorised support contacts of a company. */
export function countSupportContacts(db: Db, customerId: string): Promise<number> {
  return db.user.count({ where: { customerId, kind: "CUSTOMER", removedAt: null, disabledAt: null, supportContact: true } });
}

export async function setSupportContact(db: Db, userId: string, supportContact: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { supportContact } });
}

/**
 * Serialises everything that counts or changes a company's contacts (the cap, the owner hand-over):
 * two owners' invitations at once cannot both take the last place.
 */
export async function lockCompanyContacts(db: Db, customerId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

/**
 * The group's cap and what counts against it: active users and invitations whose link still works
 * (an expired or revoked invitation frees its place).
 */
export async function contactCapacity(db: Db, customerId: string, now: Date) {
  const [customer, activeUsers, openInvitations] = await Promise.all([
    db.customer.findUnique({ where: { id: customerId }, select: { group: { select: { maxContacts: true } } } }),
    db.user.count({ where: { customerId, kind: "CUSTOMER", removedAt: null, disabledAt: null } }),
    db.invitation.count({
      where: { customerId, acceptedAt: null, revokedAt: null, tokens: { some: { usedAt: null, revokedAt: null, expiresAt: { gt: now } } } },
    }),
  ]);
  return { cap: customer?.group?.maxContacts ?? null, activeUsers, openInvitations };
}

export async function setContactDisabled(db: Db, userId: string, disabledAt: Date | null): Promise<void> {
  // Disabling ends their sessions at once (a session whose version is older counts as signed out).
  await db.user.update({
    where: { id: userId },
    data: { disabledAt, ...(disabledAt ? { sessionVersion: { increment: 1 } } : {}) },
  });
}

/**
 * Removes a contact from the team but keeps the row for the audit trail: signed out, unable to sign
 * in, and its e-mail rewritten so that the person can be invited again later.
 */
export async function markContactRemoved(db: Db, userId: string, at: Date): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: {
      removedAt: at,
      disabledAt: at,
      passwordHash: null,
      email: `removed+${userId}@removed.invalid`,
      sessionVersion: { increment: 1 },
    },
  });
}

/** Every owner of the company becomes a secondary representative (before one is made owner). */
export async function demoteOwners(db: Db, customerId: string): Promise<void> {
  await db.user.updateMany({ where: { customerId, kind: "CUSTOMER", customerRole: "OWNER" }, data: { customerRole: "MEMBER" } });
}

export async function setContactRole(db: Db, userId: string, role: CustomerRole): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { customerRole: role } });
}

/** Who is told when a secondary representative joins: the owners, in their language, and the group's message. */
export async function primaryContactsOf(db: Db, customerId: string) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      legalName: true,
      group: { select: { portalMessages: true } },
      users: {
        where: { kind: "CUSTOMER", customerRole: "OWNER", removedAt: null, disabledAt: null },
        select: { id: true, email: true, name: true, locale: true },
      },
    },
  });
  return customer && { companyName: customer.legalName, portalMessages: customer.group?.portalMessages ?? {}, owners: customer.users };
}
