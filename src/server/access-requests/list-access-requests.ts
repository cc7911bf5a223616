import type { AccessRequestDetailDto, AccessRequestListItemDto } from "@/contracts/access-requests";
import { questionLabel, readAccessQuestions } from "@/domain/access-requests/access-request-steps";
import { formatTaxId } from "@/domain/customers/tax-id";
import type { Locale } from "@/domain/i18n/locales";
import type { Db } from "@/server/db/types";
import { findAcceptedTerms, findCustomerLabel, findGroupRules, findMatchingCustomer, findRequest, listPendingRequests } from "@/server/access-requests/access-request-repository";
import { answersOf } from "@/server/access-requests/open-access-request";

/** Submitted requests waiting for billing staff, each with the company its tax ID matches. */
export async function listPendingAccessRequests(db: Db): Promise<AccessRequestListItemDto[]> {
  return (await listPendingRequests(db)).map((r) => ({
    id: r.id,
    companyName: r.companyName,
    taxId: r.taxId ? formatTaxId(r.taxIdFormat, r.taxId) : "",
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    groupName: r.groupName,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    matchedCustomer: r.matchedId && r.matchedName ? { id: r.matchedId, legalName: r.matchedName } : null,
  }));
}

/** One request for billing staff (drafts are the representative's until submitted: NOT_FOUND). */
export async function getAccessRequestForStaff(db: Db, id: string, locale: Locale): Promise<AccessRequestDetailDto | null> {
  const r = await findRequest(db, id);
  if (!r || r.status === "DRAFT") return null;
  const group = await findGroupRules(db, r.groupId);
  if (!group) return null;
  const answers = answersOf(r.answers);
  const matched = r.taxId && r.status === "SUBMITTED" ? await findMatchingCustomer(db, group.id, r.taxId) : null;
  const terms = await findAcceptedTerms(db, r.id);
  return {
    id: r.id,
    status: r.status,
    companyName: r.companyName,
    taxId: r.taxId ? formatTaxId(group.taxIdFormat, r.taxId) : "",
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    groupName: group.name,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    matchedCustomer: matched,
    answers: readAccessQuestions(group.accessQuestions)
      .filter((q) => answers[q.id] !== undefined)
      .map((q) => ({ question: questionLabel(q, locale), answer: answers[q.id] ?? "" })),
    termsAccepted: terms ? { version: terms.version, acceptedAt: terms.acceptedAt.toISOString() } : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    rejectionReason: r.rejectionReason,
    approvedCustomer: r.customerId ? await findCustomerLabel(db, r.customerId) : null,
  };
}
