import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SurveySummary } from "@/components/support/SurveyViews";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { surveySummary } from "@/server/support/tickets/ticket-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets.surveys");
  return { title: t("title") };
}

/** What customers said of closed tickets: average, distribution and the latest comments. */
export default async function SupportSurveysPage() {
  await requireStaff("SUPPORT");
  const summary = await surveySummary(getDb());
  const t = await getTranslations("supportTickets");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/support" className="text-sm">
        ← {t("backToQueue")}
      </Link>
      <Card level={1} title={t("surveys.title")}>
        <SurveySummary summary={summary} />
      </Card>
    </div>
  );
}
