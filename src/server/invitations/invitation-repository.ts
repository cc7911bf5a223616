import type { AuthTokenPurpose, CustomerRole } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export async function createInvitation(
  db: Db,
  data: { email: string; customerId: string; customerRole: CustomerRole; locale: string; invitedById: string; createdAt: Date },
) {
  return db.invitation.create({ data, select: { id: true } });
}

/** An invitation, scoped to the customer the caller is working on. */
export async function findInvitation(db: Db, customerId: string, invitationId: string) {
  return db.invitation.findFirst({
    where: { id: invitationId, customerId },
    include: { customer: { select: { legalName: true } }, invitedBy: { select: { name: true } } },
  });
}

export async function findPendingInvitation(db: Db, customerId: string, email: string) {
  return db.invitation.findFirst({
    where: { customerId, email, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
}

export async function insertAuthToken(
  db: Db,
  data: { purpose: AuthTokenPurpose; tokenHash: string; expiresAt: Date; createdAt: Date; invitationId?: string; userId?: string },
) {
  return db.authToken.create({ data, select: { id: true } });
}

export async function markInvitationRevoked(db: Db, invitationId: string, at: Date): Promise<void> {
  await db.invitation.update({ where: { id: invitationId }, data: { revokedAt: at } });
}

export async function markInvitationAccepted(db: Db, invitationId: string, userId: string, at: Date): Promise<void> {
  await db.invitation.update({ where: { id: invitationId }, data: { acceptedAt: at, acceptedUserId: userId } });
}

/** Revokes every still-usable token of an invitation (a re-sent link replaces the previous one). */
export async function revokeInvitationTokens(db: Db, invitationId: string, at: Date): Promise<void> {
  await db.authToken.updateMany({ where: { invitationId, usedAt: null, revokedAt: null }, data: { revokedAt: at } });
}

export async function findTokenByHash(db: Db, tokenHash: string) {
  return db.authToken.findUnique({
    where: { tokenHash },
    include: { invitation: { include: { customer: { select: { legalName: true } } } }, user: true },
  });
}

/** Marks a token used only if nobody else did first: returns false when it lost the race. */
export async function consumeToken(db: Db, tokenId: string, at: Date): Promise<boolean> {
  const { count } = await db.authToken.updateMany({
    where: { id: tokenId, usedAt: null, revokedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
  });
  return count === 1;
}

export interface InvitationDto {
  id: string;
  email: string;
  role: CustomerRole;
  status: "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";
  createdAt: Date;
  expiresAt: Date | null;
}

/** Invitations of one customer with the expiry of their newest link: one query, no N+1. */
export async function listCustomerInvitations(db: Db, customerId: string, now: Date): Promise<InvitationDto[]> {
  const rows = await db.invitation.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    include: { tokens: { orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true, revokedAt: true } } },
  });
  return rows.map((r) => {
    const token = r.tokens[0];
    const status = r.acceptedAt
      ? "ACCEPTED"
      : r.revokedAt
        ? "REVOKED"
        : !token || token.revokedAt || token.expiresAt <= now
          ? "EXPIRED"
          : "PENDING";
    return { id: r.id, email: r.email, role: r.customerRole, status, createdAt: r.createdAt, expiresAt: token?.expiresAt ?? null };
  });
}
