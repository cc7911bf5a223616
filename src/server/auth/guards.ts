import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type StaffRoleName, staffMayAct } from "@/domain/auth/roles";
import { secondFactorRequired } from "@/domain/auth/second-factor";
import type { RequestContext } from "@/server/audit/audit-repository";
import { authOptions } from "@/server/auth/auth-options";
import { checkPortalAccess, type PortalAccess } from "@/server/customer-groups/check-portal-access";
import { getDb } from "@/server/db/client";
import { requestContextFrom } from "@/server/http/request-context";
import { findSessionUser, type SessionUser } from "@/server/users/user-repository";

export type CustomerUser = Extract<SessionUser, { kind: "CUSTOMER" }>;
export type StaffUser = Extract<SessionUser, { kind: "STAFF" }>;

/**
 * The signed-in user, reloaded from the database once per request. A token whose session version is
 * older than the user's (password changed, roles removed) or whose user is disabled counts as signed out.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await findSessionUser(getDb(), session.uid);
  if (!user || user.sessionVersion !== session.sv) return null;
  return user;
});

/** The group's portal rules for this request's customer user (checked once per request). */
const portalAccess = cache((userId: string, customerId: string): Promise<PortalAccess> => checkPortalAccess(getDb(), { id: userId, customerId }));

/** Where a customer user whose company's portal is turned off is told so, and where pending terms are accepted. */
export const PORTAL_CLOSED_PAGE = "/portal-closed";
export const ACCEPT_TERMS_PAGE = "/accept-terms";

/**
 * For portal pages and actions: a customer user, else off to sign-in (staff go to their side). A
 * user whose company's group turned the portal off is sent to the page saying so; one who has not
 * accepted the group's latest terms, to the page asking for it.
 */
export async function requireCustomer(): Promise<CustomerUser> {
  const user = await requireCustomerSession();
  const access = await portalAccess(user.id, user.customerId);
  if (access.kind === "disabled") redirect(PORTAL_CLOSED_PAGE);
  if (access.kind === "termsPending") redirect(ACCEPT_TERMS_PAGE);
  return user;
}

/** Any signed-in customer user, before the portal rules: only for the closed-portal and accept-terms pages. */
export async function requireCustomerSession(): Promise<CustomerUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (user.kind !== "CUSTOMER") redirect("/staff");
  return user;
}

export async function customerPortalAccess(user: CustomerUser): Promise<PortalAccess> {
  return portalAccess(user.id, user.customerId);
}

/**
 * For back-office pages and actions: staff holding one of `roles` (admins pass every check).
 * Staff without the role get a 404, not a hint that the page exists.
 */
export async function requireStaff(...roles: StaffRoleName[]): Promise<StaffUser> {
  const user = await requireStaffSession();
  if (secondFactorRequired(user.staffRoles) && !user.totpEnabled) redirect(SECURITY_PAGE);
  if (roles.length > 0 && !staffMayAct(user.staffRoles, roles)) notFound();
  return user;
}

/** Where staff turn two-factor authentication on; admins without it are sent there first. */
export const SECURITY_PAGE = "/staff/security";

/**
 * Any signed-in staff member, including an admin who has not yet turned on two-factor authentication.
 * Only for the staff layout and the security page (where that admin enrols); everything else calls
 * requireStaff.
 */
export async function requireStaffSession(): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (user.kind !== "STAFF") redirect("/portal");
  return user;
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return requestContextFrom((name) => h.get(name));
}
