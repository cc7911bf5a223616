import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AccessRequestDecision } from "@/components/staff/AccessRequestDecision";
import { Alert, Badge, Card } from "@/components/ui";
import { isLocale } from "@/domain/i18n/locales";
import { getAccessRequestForStaff } from "@/server/access-requests/list-access-requests";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAccessRequests");
  return { title: t("title") };
}

/** One access request: who asks, for which company, their answers and accepted terms; approve or reject. */
export default async function AccessRequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff("BILLING");
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const locale = await getLocale();
  const request = await getAccessRequestForStaff(getDb(), id.data, isLocale(locale) ? locale : "en");
  if (!request) notFound();
  const t = await getTranslations("staffAccessRequests");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/staff/access-requests">← {t("back")}</Link>
      </p>
      {/* What the decision did, still said after the page refreshes with the new status. */}
      {request.status === "APPROVED" ? <Alert tone="success" testId="access-decided">{t("approved", { email: request.contactEmail })}</Alert> : null}
      {request.status === "REJECTED" ? <Alert tone="success" testId="access-decided">{t("rejected", { email: request.contactEmail })}</Alert> : null}
      <Card level={1} title={t("detailTitle", { company: request.companyName })} actions={<Badge>{t(`statuses.${request.status}`)}</Badge>}>
        <dl className="flex flex-col gap-2 text-sm" data-testid="access-request-details">
          {row(t("group"), request.groupName)}
          {row(t("taxId"), request.taxId)}
          {row(t("contact"), `${request.contactName} · ${request.contactEmail}`)}
          {row(t("phone"), request.contactPhone)}
          {row(t("submittedAt"), request.submittedAt ? when(request.submittedAt) : "")}
          {row(t("terms"), request.termsAccepted ? t("termsAccepted", { version: request.termsAccepted.version, date: when(request.termsAccepted.acceptedAt) }) : t("termsNone"))}
          {request.status === "SUBMITTED"
            ? row(t("matched"), request.matchedCustomer ? <Link href={`/staff/customers/${request.matchedCustomer.id}`}>{request.matchedCustomer.legalName}</Link> : t("noMatch"))
            : null}
          {request.approvedCustomer ? row(t("approvedInto"), <Link href={`/staff/customers/${request.approvedCustomer.id}`}>{request.approvedCustomer.legalName}</Link>) : null}
          {request.rejectionReason ? row(t("reason"), request.rejectionReason) : null}
          {request.decidedAt ? row(t("status"), t("decidedAt", { date: when(request.decidedAt) })) : null}
        </dl>
      </Card>
      <Card title={t("answers")}>
        {request.answers.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noAnswers")}</p>
        ) : (
          <dl className="flex flex-col gap-3 text-sm">
            {request.answers.map((a) => (
              <div key={a.question}>
                <dt className="font-medium">{a.question}</dt>
                <dd className="whitespace-pre-wrap text-slate-700">{a.answer}</dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
      {request.status === "SUBMITTED" ? (
        <Card>
          <AccessRequestDecision request={request} />
        </Card>
      ) : null}
    </div>
  );
}
