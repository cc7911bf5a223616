import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { customerReplyAction } from "@/app/(portal)/portal/messages/actions";
import { ReplyForm } from "@/components/messages/MessageForms";
import { Conversation } from "@/components/messages/MessageViews";
import { Alert, Badge, Card } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { markThreadRead } from "@/server/messages/mark-thread-read";
import { conversation } from "@/server/messages/message-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secureMessages");
  return { title: t("conversation") };
}

/** One conversation of the caller's company; opening it marks it read for the company's side. */
export default async function PortalThreadPage({ params, searchParams }: { params: Promise<{ threadId: string }>; searchParams: Promise<{ sent?: string }> }) {
  const user = await requireCustomer();
  const { threadId } = await params;
  if (!UUID_RE.test(threadId)) notFound();
  const reader = { side: "CUSTOMER" as const, customerId: user.customerId };
  if (!(await markThreadRead(getDb(), reader, threadId, new Date()))) notFound();
  const thread = await conversation(getDb(), reader, threadId);
  if (!thread) notFound();
  const { sent } = await searchParams;
  const t = await getTranslations("secureMessages");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/portal/messages" className="text-sm">
        ← {t("back")}
      </Link>
      <Card level={1} title={thread.subject}>
        <p className="mb-4 flex flex-wrap gap-2 text-sm">
          <Badge>{t(`categories.${thread.category}`)}</Badge>
          <Badge>{t(`statuses.${thread.status}`)}</Badge>
        </p>
        {sent ? (
          <div className="mb-4">
            <Alert tone="success" testId="thread-sent">
              {t("sent")}
            </Alert>
          </div>
        ) : null}
        <Conversation thread={thread} attachmentBase="/portal/messages/attachments" reader="CUSTOMER" />
      </Card>
      <Card title={t("reply")}>
        <ReplyForm action={customerReplyAction} threadId={thread.id} closed={thread.status === "CLOSED"} />
      </Card>
    </div>
  );
}
