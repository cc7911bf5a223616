import type { AccessRequestStatus } from "@/domain/access-requests/access-request-status";
import type { TaxIdFormat } from "@/domain/customers/tax-id";
import { Prisma } from "@/generated/prisma/client";
import { findGroupByAccessSlug, findPortalRulesRow, type PortalRulesRow } from "@/server/customer-groups/portal-rules-repository";
import type { Db } from "@/server/db/types";

/** The portal rules of a group that the access request reads: the group's own portal columns. */
export type AccessGroupRules = PortalRulesRow;

export const findGroupRulesBySlug = (db: Db, slug: string): Promise<AccessGroupRules | null> => findGroupByAccessSlug(db, slug);

export const findGroupRules = (db: Db, groupId: string): Promise<AccessGroupRules | null> => findPortalRulesRow(db, groupId);

export async function findCurrentTerms(db: Db, groupId: string): Promise<{ id: string; version: number; body: unknown } | null> {
  return db.termsVersion.findFirst({ where: { groupId }, orderBy: { version: "desc" }, select: { id: true, version: true, body: true } });
}

/** Requests started from one client address since `since` (the rate limit's count; uses no index but the window is small). */
export async function countStartedFrom(db: Db, clientAddress: string, since: Date): Promise<number> {
  return db.accessRequest.count({ where: { clientAddress, createdAt: { gte: since } } });
}

export async function insertAccessRequest(db: Db, data: { groupId: string; locale: string; resumeTokenHash: string; clientAddress: string | null; createdAt: Date }) {
  return db.accessRequest.create({ data, select: { id: true } });
}

/** Records that the request accepted this terms version; accepting the same version twice keeps the first. */
export async function recordTermsAcceptance(db: Db, data: { termsVersionId: string; accessRequestId: string; acceptedAt: Date; clientAddress: string | null }) {
  await db.termsAcceptance.createMany({ data: [data], skipDuplicates: true });
}

export async function hasAcceptedTerms(db: Db, accessRequestId: string, termsVersionId: string): Promise<boolean> {
  return (await db.termsAcceptance.count({ where: { accessRequestId, termsVersionId } })) > 0;
}

const requestSelect = {
  id: true,
  groupId: true,
  status: true,
  locale: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  companyName: true,
  taxId: true,
  answers: true,
  customerId: true,
  invitationId: true,
  submittedAt: true,
  decidedAt: true,
  rejectionReason: true,
  clientAddress: true,
} as const;

export type AccessRequestRow = Prisma.AccessRequestGetPayload<{ select: typeof requestSelect }>;

/** The request a resume link opens: the token is its only key, so one link never reaches another request. */
export async function findRequestByTokenHash(db: Db, resumeTokenHash: string): Promise<AccessRequestRow | null> {
  return db.accessRequest.findUnique({ where: { resumeTokenHash }, select: requestSelect });
}

export async function findRequest(db: Db, id: string): Promise<AccessRequestRow | null> {
  return db.accessRequest.findUnique({ where: { id }, select: requestSelect });
}

export type DraftFields = Partial<Pick<AccessRequestRow, "contactName" | "contactEmail" | "contactPhone" | "companyName" | "taxId">> & { answers?: Record<string, string> };

/** Saves a tab of a draft; false when the request is no longer a draft (submitted meanwhile). */
export async function updateDraft(db: Db, id: string, data: DraftFields): Promise<boolean> {
  const { count } = await db.accessRequest.updateMany({ where: { id, status: "DRAFT" }, data });
  return count === 1;
}

/**
 * Moves a request from one status to the next, guarded by the status it must have: of two
 * simultaneous approvals (a double click) exactly one finds SUBMITTED and wins.
 */
export async function moveStatus(db: Db, id: string, from: AccessRequestStatus, to: AccessRequestStatus, data: Prisma.AccessRequestUpdateManyMutationInput & { customerId?: string }): Promise<boolean> {
  const { count } = await db.accessRequest.updateMany({ where: { id, status: from }, data: { ...data, status: to } });
  return count === 1;
}

export async function setApprovalOutcome(db: Db, id: string, customerId: string, invitationId: string): Promise<void> {
  await db.accessRequest.update({ where: { id }, data: { customerId, invitationId } });
}

/**
 * SQL giving a customer's tax ID normalised like the request's (tax-id.ts): nine-digit formats drop
 * their delimiters, free text drops spaces and case. Customers' tax IDs are typed by staff, in any shape.
 */
const normalisedCustomerTaxId = Prisma.sql`CASE WHEN g.tax_id_format = 'FREE_TEXT' THEN upper(regexp_replace(c.tax_id, '\\s', '', 'g')) ELSE regexp_replace(c.tax_id, '[\\s-]', '', 'g') END`;

/** The group's customer whose tax ID matches, oldest first when several do. */
export async function findMatchingCustomer(db: Db, groupId: string, taxId: string): Promise<{ id: string; legalName: string } | null> {
  const rows = await db.$queryRaw<{ id: string; legalName: string }[]>`
    SELECT c.id::text AS id, c.legal_name AS "legalName"
    FROM customers c JOIN customer_groups g ON g.id = c.group_id
    WHERE c.group_id = ${groupId}::uuid AND c.tax_id IS NOT NULL AND ${normalisedCustomerTaxId} = ${taxId}
    ORDER BY c.created_at, c.id LIMIT 1`;
  return rows[0] ?? null;
}

export async function countCompanyUsers(db: Db, customerId: string): Promise<number> {
  return db.user.count({ where: { customerId } });
}

export interface PendingRequestRow {
  id: string;
  companyName: string;
  taxId: string | null;
  taxIdFormat: TaxIdFormat;
  contactName: string;
  contactEmail: string;
  groupName: string;
  submittedAt: Date | null;
  matchedId: string | null;
  matchedName: string | null;
}

/** Submitted requests, oldest first (the queue staff work through), each with its matching company if any. */
export async function listPendingRequests(db: Db, limit = 200): Promise<PendingRequestRow[]> {
  return db.$queryRaw<PendingRequestRow[]>`
    SELECT r.id::text AS id, r.company_name AS "companyName", r.tax_id AS "taxId", g.tax_id_format::text AS "taxIdFormat",
           r.contact_name AS "contactName", r.contact_email AS "contactEmail", g.name AS "groupName", r.submitted_at AS "submittedAt",
           m.id AS "matchedId", m.legal_name AS "matchedName"
    FROM access_requests r JOIN customer_groups g ON g.id = r.group_id
    LEFT JOIN LATERAL (
      SELECT c.id::text AS id, c.legal_name FROM customers c
      WHERE c.group_id = r.group_id AND c.tax_id IS NOT NULL AND ${normalisedCustomerTaxId} = r.tax_id
      ORDER BY c.created_at, c.id LIMIT 1
    ) m ON true
    WHERE r.status = 'SUBMITTED'
    ORDER BY r.submitted_at, r.id
    LIMIT ${limit}`;
}

export async function findAcceptedTerms(db: Db, accessRequestId: string): Promise<{ version: number; acceptedAt: Date } | null> {
  const row = await db.termsAcceptance.findFirst({
    where: { accessRequestId },
    orderBy: { termsVersion: { version: "desc" } },
    select: { acceptedAt: true, termsVersion: { select: { version: true } } },
  });
  return row ? { version: row.termsVersion.version, acceptedAt: row.acceptedAt } : null;
}

export async function findCustomerLabel(db: Db, customerId: string): Promise<{ id: string; legalName: string } | null> {
  return db.customer.findUnique({ where: { id: customerId }, select: { id: true, legalName: true } });
}

/**
 * The terms the representative accepted in their access request count for the account its
 * invitation creates: the same person, the same version, at the time they accepted it (a newer
 * version published since is still asked at sign-in).
 */
export async function carryTermsAcceptanceToUser(db: Db, invitationId: string, userId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO terms_acceptances (id, terms_version_id, user_id, accepted_at, client_address)
    SELECT gen_random_uuid(), ta.terms_version_id, ${userId}::uuid, ta.accepted_at, ta.client_address
    FROM terms_acceptances ta JOIN access_requests ar ON ar.id = ta.access_request_id
    WHERE ar.invitation_id = ${invitationId}::uuid
    ON CONFLICT DO NOTHING`;
}
