import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { startThreadAction } from "@/app/(portal)/portal/messages/actions";
import { NewThreadForm } from "@/components/messages/MessageForms";
import { ThreadList } from "@/components/messages/MessageViews";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { customerThreadList } from "@/server/messages/message-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secureMessages");
  return { title: t("title") };
}

/** The company's conversations with the billing team, and a new message. */
export default async function PortalMessagesPage() {
  const user = await requireCustomer();
  const threads = await customerThreadList(getDb(), user.customerId);
  const t = await getTranslations("secureMessages");
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("title")}>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        <ThreadList threads={threads} base="/portal/messages" />
      </Card>
      <Card title={t("new")}>
        <NewThreadForm action={startThreadAction} />
      </Card>
    </div>
  );
}
