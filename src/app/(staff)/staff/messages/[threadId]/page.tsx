import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffReplyAction } from "@/app/(staff)/staff/messages/actions";
import { ReplyForm } from "@/components/messages/MessageForms";
import { Conversation } from "@/components/messages/MessageViews";
import { StaffThreadControls } from "@/components/messages/StaffThreadControls";
import { Badge, Card } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { markThreadRead } from "@/server/messages/mark-thread-read";
import { assigneeOptions, conversation } from "@/server/messages/message-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secureMessages");
  return { title: t("conversation") };
}

/** A conversation in the back-office: the messages, the reply, and who handles it in a side panel. */
export default async function StaffThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const staff = await requireStaff("BILLING");
  const { threadId } = await params;
  if (!UUID_RE.test(threadId)) notFound();
  if (!(await markThreadRead(getDb(), { side: "STAFF" }, threadId, new Date()))) notFound();
  const [thread, options] = await Promise.all([conversation(getDb(), { side: "STAFF" }, threadId), assigneeOptions(getDb())]);
  if (!thread) notFound();
  const t = await getTranslations("secureMessages");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/messages" className="text-sm">
        ← {t("back")}
      </Link>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card level={1} title={thread.subject}>
            <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
              <Link href={`/staff/customers/${thread.customerId}`}>{thread.customerName}</Link>
              <Badge>{t(`categories.${thread.category}`)}</Badge>
              <Badge>{t(`statuses.${thread.status}`)}</Badge>
            </p>
            <Conversation thread={thread} attachmentBase="/staff/messages/attachments" reader="STAFF" />
          </Card>
          <Card title={t("reply")}>
            <ReplyForm action={staffReplyAction} threadId={thread.id} closed={thread.status === "CLOSED"} />
          </Card>
        </div>
        <aside>
          <Card title={t("handling")}>
            <StaffThreadControls thread={thread} staff={options} meId={staff.id} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
