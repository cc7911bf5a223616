import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffTicketReplyAction } from "@/app/(staff)/staff/support/actions";
import { StaffTicketControls } from "@/components/support/StaffTicketControls";
import { TicketSurvey } from "@/components/support/SurveyViews";
import { TicketReplyForm } from "@/components/support/TicketForms";
import { TicketConversation, TicketFacts } from "@/components/support/TicketViews";
import { Alert, Card } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { deskTimeZone, ticketDetail, ticketStaffOptions } from "@/server/support/tickets/ticket-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets");
  return { title: t("ticket") };
}

/** A ticket in the back-office: the conversation and the reply; its facts, holder, status and survey in the side panel. */
export default async function StaffTicketPage({ params, searchParams }: { params: Promise<{ ticketId: string }>; searchParams: Promise<{ opened?: string }> }) {
  const staff = await requireStaff("SUPPORT");
  const { ticketId } = await params;
  if (!UUID_RE.test(ticketId)) notFound();
  const [ticket, options, timeZone] = await Promise.all([ticketDetail(getDb(), { side: "STAFF" }, ticketId, new Date()), ticketStaffOptions(getDb()), deskTimeZone(getDb())]);
  if (!ticket) notFound();
  const { opened } = await searchParams;
  const t = await getTranslations("supportTickets");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/support" className="text-sm">
        ← {t("backToQueue")}
      </Link>
      {opened ? (
        <Alert tone="success" testId="ticket-opened">
          {t("staffOpened", { reference: ticket.reference })}
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card level={1} title={`${ticket.reference} · ${ticket.subject}`}>
            <TicketConversation ticket={ticket} reader="STAFF" timeZone={timeZone} />
          </Card>
          <Card title={t("reply")}>
            <TicketReplyForm action={staffTicketReplyAction} ticketId={ticket.id} closed={ticket.status === "CLOSED"} hint={t("staffReplyHint", { email: ticket.requesterEmail })} />
          </Card>
          {/* TIME ENTRIES: the lead mounts the time-entry form and list (hour banks helper) here, fed with ticket.id and ticket.customerId. */}
        </div>
        <aside className="flex flex-col gap-4">
          <Card title={t("details")}>
            <TicketFacts ticket={ticket} timeZone={timeZone} staff />
          </Card>
          <Card title={t("handling")}>
            <StaffTicketControls ticket={ticket} staff={options} meId={staff.id} />
          </Card>
          <Card title={t("surveys.ofTicket")}>
            <TicketSurvey survey={ticket.survey} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
