import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge, Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { findOutboundEmail } from "@/server/mail/outbox-repository";

export default async function OutboxMessagePage({ params }: { params: Promise<{ emailId: string }> }) {
  await requireStaff("ADMIN");
  const id = z.string().uuid().safeParse((await params).emailId);
  if (!id.success) notFound();
  const email = await findOutboundEmail(getDb(), id.data);
  if (!email) notFound();
  const t = await getTranslations("staff.outbox");
  const format = await getFormatter();
  return (
    <Card level={1} title={email.subject} actions={<Badge>{t(`statuses.${email.status}`)}</Badge>}>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("to")}</dt>
        <dd data-testid="email-to">{email.toAddress}</dd>
        <dt className="text-slate-500">{t("created")}</dt>
        <dd>{format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
      </dl>
      {/* The rendered message, isolated: no scripts, no same-origin access. */}
      <iframe title={email.subject} sandbox="" srcDoc={email.html} className="h-96 w-full rounded border border-slate-200 bg-white" />
      <h3 className="mt-4 text-sm font-semibold">{t("textVersion")}</h3>
      <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs" data-testid="email-text">
        {email.text}
      </pre>
    </Card>
  );
}
