import type { TAccessRequestStep } from "@/contracts/access-requests";
import { isEditable } from "@/domain/access-requests/access-request-status";
import { answerProblems, companyProblems, contactProblems, type FieldProblems } from "@/domain/access-requests/access-request-steps";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import type { RequestContext } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { type DraftFields, recordTermsAcceptance, updateDraft } from "@/server/access-requests/access-request-repository";
import { openAccessRequest, resumeLink } from "@/server/access-requests/open-access-request";

function refuse(problems: FieldProblems): never {
  throw new DomainError("VALIDATION_FAILED", { fields: problems });
}

/**
 * Saves one tab of a draft, whatever the state of the others (a request may be left incomplete and
 * resumed later). A tab with a problem writes nothing and names each field at fault. The first time
 * the contact e-mail is given (or when it changes) the resume link is e-mailed there.
 * A filled honeypot on the contact tab answers `discarded` and writes nothing.
 */
export async function saveAccessRequestStep(db: RootDb, token: string, input: TAccessRequestStep, ctx: RequestContext, now: Date): Promise<{ saved: true } | { discarded: true }> {
  return db.$transaction(async (tx) => {
    const { request, group, questions, terms } = await openAccessRequest(tx, token);
    if (!group.portalEnabled) throw new DomainError("PORTAL_DISABLED");
    if (!isEditable(request.status)) throw new DomainError("ACCESS_REQUEST_CLOSED");
    let fields: DraftFields;
    switch (input.step) {
      case "terms":
        if (input.acceptTerms !== "on") refuse({ acceptTerms: "TERMS_NOT_ACCEPTED" });
        if (terms) await recordTermsAcceptance(tx, { termsVersionId: terms.id, accessRequestId: request.id, acceptedAt: now, clientAddress: ctx.ip });
        return { saved: true };
      case "contact": {
        if (input.website.trim() !== "") return { discarded: true };
        const problems = contactProblems(input);
        if (Object.keys(problems).length > 0) refuse(problems);
        fields = { contactName: input.contactName.trim(), contactEmail: input.contactEmail.trim().toLowerCase(), contactPhone: input.contactPhone.trim() };
        break;
      }
      case "company": {
        const { problems, taxId } = companyProblems(group.taxIdFormat, input);
        if (Object.keys(problems).length > 0) refuse(problems);
        fields = { companyName: input.companyName.trim(), taxId };
        break;
      }
      case "questions": {
        const { problems, kept } = answerProblems(questions, input.answers);
        if (Object.keys(problems).length > 0) refuse(problems);
        fields = { answers: kept };
        break;
      }
    }
    if (!(await updateDraft(tx, request.id, fields))) throw new DomainError("ACCESS_REQUEST_CLOSED");
    if (fields.contactEmail && fields.contactEmail !== request.contactEmail) {
      // The link is the only way back to the draft: whoever gives an address receives it there.
      await enqueueEmail(
        tx,
        fields.contactEmail,
        isLocale(request.locale) ? request.locale : "en",
        { template: "accessRequestResume", params: { name: fields.contactName ?? "", link: resumeLink(token) } },
        `access-request-resume:${request.id}:${fields.contactEmail}`,
        now,
      );
    }
    return { saved: true };
  });
}
