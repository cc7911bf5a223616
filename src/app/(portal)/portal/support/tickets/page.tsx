import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { openTicketAction } from "@/app/(portal)/portal/support/tickets/actions";
import { NewTicketForm } from "@/components/support/TicketForms";
import { PortalTicketList } from "@/components/support/TicketViews";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { customerTicketList, deskTimeZone } from "@/server/support/tickets/ticket-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets");
  return { title: t("title") };
}

/** The company's support tickets, and a new one. */
export default async function PortalTicketsPage() {
  const user = await requireCustomer();
  const [tickets, timeZone] = await Promise.all([customerTicketList(getDb(), user.customerId, new Date()), deskTimeZone(getDb())]);
  const t = await getTranslations("supportTickets");
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("title")}>
        <p className="mb-2 text-sm text-slate-600">{t("intro")}</p>
        <p className="mb-4 text-sm">
          <Link href="/portal/support">{t("hoursLink")}</Link>
        </p>
        <PortalTicketList tickets={tickets} timeZone={timeZone} />
      </Card>
      <Card title={t("new")}>
        <NewTicketForm action={openTicketAction} />
      </Card>
    </div>
  );
}
