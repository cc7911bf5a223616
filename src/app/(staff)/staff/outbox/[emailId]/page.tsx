import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge, Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { EmailEvidenceTable } from "@/components/billing/EmailEvidence";
import { attachmentsOf } from "@/contracts/email-evidence";
import { emailEvidence } from "@/server/mail/email-evidence-repository";
import { findOutboundEmail } from "@/server/mail/outbox-repository";

export default async function OutboxMessagePage({ params }: { params: Promise<{ emailId: string }> }) {
  await requireStaff("ADMIN");
  const id = z
    .string()
    .uuid()
    .safeParse((await params).emailId);
  if (!id.success) notFound();
  const [email, evidence] = await Promise.all([
    findOutboundEmail(getDb(), id.data),
    emailEvidence(getDb(), id.data),
  ]);
  if (!email || !evidence) notFound();
  const t = await getTranslations("staff.outbox");
  const e = await getTranslations("outboxEvidence");
  // Attachments are rendered when the e-mail is sent; a captured one (no SMTP) still names them.
  const attachments = attachmentsOf(email.attachments);
  const format = await getFormatter();
  return (
    <Card level={1} title={email.subject} actions={<Badge>{t(`statuses.${email.status}`)}</Badge>}>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("to")}</dt>
        <dd data-testid="email-to">{email.toAddress}</dd>
        <dt className="text-slate-500">{t("created")}</dt>
        <dd>{format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
        {email.invoiceId ? (
          <>
            <dt className="text-slate-500">{e("invoice")}</dt>
            <dd>
              <Link href={`/staff/invoices/${email.invoiceId}`}>{e("invoice")}</Link>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-500">{e("attachments")}</dt>
        <dd data-testid="email-attachment-names">
          {attachments.length === 0
            ? "—"
            : attachments.map((a) => (
                <span key={a.filename} className="block">
                  {a.filename} <span className="text-xs text-slate-500">({e("renderedOnDelivery")})</span>
                </span>
              ))}
        </dd>
        {email.smtpResponse ? (
          <>
            <dt className="text-slate-500">{e("smtpResponse")}</dt>
            <dd className="break-all font-mono text-xs">{email.smtpResponse}</dd>
          </>
        ) : null}
      </dl>
      <div className="mb-4">
        <EmailEvidenceTable emails={[evidence]} />
      </div>
      {/* The rendered message, isolated: no scripts, no same-origin access. */}
      <iframe
        title={email.subject}
        sandbox=""
        srcDoc={email.html}
        className="h-96 w-full rounded border border-slate-200 bg-white"
      />
      <h3 className="mt-4 text-sm font-semibold">{t("textVersion")}</h3>
      <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs" data-testid="email-text">
        {email.text}
      </pre>
    </Card>
  );
}
