import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { STAFF_THREAD_FILTERS, ZStaffThreadFilter } from "@/contracts/messages";
import { ThreadList } from "@/components/messages/MessageViews";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { staffThreadList } from "@/server/messages/message-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secureMessages");
  return { title: t("staffTitle") };
}

/** Every company's conversations with the billing team, filtered by who holds them (kept in the URL). */
export default async function StaffMessagesPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const staff = await requireStaff("BILLING");
  const filter = ZStaffThreadFilter.parse((await searchParams).show);
  const threads = await staffThreadList(getDb(), filter, staff.id);
  const t = await getTranslations("secureMessages");
  return (
    <Card level={1} title={t("staffTitle")}>
      <p className="mb-4 text-sm text-slate-600">{t("staffIntro")}</p>
      <nav aria-label={t("filters.label")} className="mb-4 flex flex-wrap gap-2">
        {STAFF_THREAD_FILTERS.map((f) => (
          <Link
            key={f}
            href={f === "all" ? "/staff/messages" : `/staff/messages?show=${f}`}
            aria-current={f === filter ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm no-underline ${f === filter ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 text-slate-700"}`}
          >
            {t(`filters.${f}`)}
          </Link>
        ))}
      </nav>
      <ThreadList threads={threads} base="/staff/messages" staff />
    </Card>
  );
}
