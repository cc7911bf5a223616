import { type AccessQuestion, type AccessRequestSnapshot, readAccessQuestions } from "@/domain/access-requests/access-request-steps";
import { DomainError } from "@/domain/shared/domain-error";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import {
  type AccessGroupRules,
  type AccessRequestRow,
  findCurrentTerms,
  findGroupRules,
  findRequestByTokenHash,
  hasAcceptedTerms,
} from "@/server/access-requests/access-request-repository";

export interface OpenedAccessRequest {
  request: AccessRequestRow;
  group: AccessGroupRules;
  questions: AccessQuestion[];
  terms: { id: string; version: number; body: unknown } | null;
  snapshot: AccessRequestSnapshot;
}

/** The public link to a request: whoever holds it may read and edit that draft, nothing else. */
export const resumeLink = (token: string) => `${appUrl()}/access/r/${encodeURIComponent(token)}`;

export function answersOf(stored: unknown): Record<string, string> {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * The request a resume token opens, with its group's rules and current terms. An unknown token is
 * TOKEN_INVALID (as for any link); a group that turned its portal off meanwhile is PORTAL_DISABLED.
 */
export async function openAccessRequest(db: Db, token: string): Promise<OpenedAccessRequest> {
  const request = await findRequestByTokenHash(db, hashSecretToken(token));
  if (!request) throw new DomainError("TOKEN_INVALID");
  const group = await findGroupRules(db, request.groupId);
  if (!group) throw new DomainError("TOKEN_INVALID");
  const terms = await findCurrentTerms(db, group.id);
  const termsAccepted = terms ? await hasAcceptedTerms(db, request.id, terms.id) : true;
  const snapshot: AccessRequestSnapshot = {
    termsAccepted,
    contactName: request.contactName,
    contactEmail: request.contactEmail,
    contactPhone: request.contactPhone,
    companyName: request.companyName,
    taxId: request.taxId,
    answers: answersOf(request.answers),
  };
  return { request, group, questions: readAccessQuestions(group.accessQuestions), terms, snapshot };
}
