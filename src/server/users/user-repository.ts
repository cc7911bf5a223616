import type { CustomerRoleName, StaffRoleName } from "@/domain/auth/roles";
import type { Locale } from "@/domain/i18n/locales";
import { isLocale } from "@/domain/i18n/locales";
import type { Db } from "@/server/db/types";

/** What the app knows about the signed-in person on every request. */
export type SessionUser =
  | {
      kind: "CUSTOMER";
      id: string;
      email: string;
      name: string;
      locale: Locale;
      sessionVersion: number;
      customerId: string;
      customerName: string;
      customerRole: CustomerRoleName;
    }
  | {
      kind: "STAFF";
      id: string;
      email: string;
      name: string;
      locale: Locale;
      sessionVersion: number;
      staffRoles: StaffRoleName[];
      /** Two-factor authentication turned on (admins must, before reaching the back-office). */
      totpEnabled: boolean;
    };

export async function findUserForSignIn(db: Db, email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, disabledAt: true, sessionVersion: true, locale: true, totpEnabledAt: true, kind: true, customerId: true },
  });
}

export async function findSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    include: { customer: { select: { legalName: true } } },
  });
  if (!u || u.disabledAt) return null;
  const base = {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: isLocale(u.locale) ? u.locale : ("en" as const),
    sessionVersion: u.sessionVersion,
  };
  if (u.kind === "CUSTOMER") {
    if (!u.customerId || !u.customerRole || !u.customer) return null;
    return { ...base, kind: "CUSTOMER", customerId: u.customerId, customerName: u.customer.legalName, customerRole: u.customerRole };
  }
  return { ...base, kind: "STAFF", staffRoles: u.staffRoles, totpEnabled: u.totpEnabledAt !== null };
}

export async function emailIsRegistered(db: Db, email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

export async function updateUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

export interface CompanyUserDto {
  id: string;
  name: string;
  email: string;
  role: CustomerRoleName;
  createdAt: Date;
}

/** Colleagues in one company. Always filtered by the caller's company. */
export async function listCompanyUsers(db: Db, customerId: string): Promise<CompanyUserDto[]> {
  const rows = await db.user.findMany({
    where: { customerId, kind: "CUSTOMER", removedAt: null },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, customerRole: true, createdAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.customerRole ?? "MEMBER", createdAt: r.createdAt }));
}

export async function findCompanyUser(db: Db, customerId: string, userId: string): Promise<CompanyUserDto | null> {
  const r = await db.user.findFirst({
    where: { id: userId, customerId, kind: "CUSTOMER", removedAt: null },
    select: { id: true, name: true, email: true, customerRole: true, createdAt: true },
  });
  return r && { id: r.id, name: r.name, email: r.email, role: r.customerRole ?? "MEMBER", createdAt: r.createdAt };
}

export async function listStaff(db: Db) {
  return db.user.findMany({ where: { kind: "STAFF" }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true, staffRoles: true, disabledAt: true } });
}
