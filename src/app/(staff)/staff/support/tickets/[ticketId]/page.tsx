import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { staffTicketReplyAction } from "@/app/(staff)/staff/support/actions";
import { StaffTicketControls } from "@/components/support/StaffTicketControls";
import { TicketSurvey } from "@/components/support/SurveyViews";
import { TicketReplyForm } from "@/components/support/TicketForms";
import { TicketConversation, TicketFacts } from "@/components/support/TicketViews";
import { SupportBalanceCards, TimeEntryTable } from "@/components/support/SupportViews";
import { TimeEntryForm } from "@/components/support/TimeEntryForm";
import { Alert, Card } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getSupportOverview } from "@/server/support/banks/get-support-overview";
import { listTechnicianChoices } from "@/server/support/banks/support-form-choices";
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
  // The customer's hours, so the technician logs time knowing what the bank holds.
  const [overview, technicians] = await Promise.all([getSupportOverview(getDb(), ticket.customerId), listTechnicianChoices(getDb())]);
  const { opened } = await searchParams;
  const t = await getTranslations("supportTickets");
  const tBanks = await getTranslations("supportBanks");
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
          {overview ? (
            <Card title={tBanks("staff.logTitle")}>
              <div className="mb-4">
                <SupportBalanceCards balance={overview.balance} />
              </div>
              <TimeEntryForm
                tickets={[{ id: ticket.id, reference: ticket.reference, subject: ticket.subject, urgency: ticket.urgency }]}
                technicians={technicians}
                today={overview.today}
              />
              <div className="mt-4">
                <TimeEntryTable
                  entries={overview.entries.filter((e) => e.ticketId === ticket.id)}
                  currency={overview.currency}
                  invoiceHrefBase="/staff/invoices"
                  ticketHrefBase="/staff/support/tickets"
                />
              </div>
            </Card>
          ) : null}
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
