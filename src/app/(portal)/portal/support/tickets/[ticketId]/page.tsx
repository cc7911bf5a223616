import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { customerTicketReplyAction } from "@/app/(portal)/portal/support/tickets/actions";
import { TicketReplyForm } from "@/components/support/TicketForms";
import { TicketConversation, TicketFacts } from "@/components/support/TicketViews";
import { Alert, Card } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { deskTimeZone, ticketDetail } from "@/server/support/tickets/ticket-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets");
  return { title: t("ticket") };
}

/** One ticket of the caller's company (any other id is a 404): its facts, the messages, a reply. */
export default async function PortalTicketPage({ params, searchParams }: { params: Promise<{ ticketId: string }>; searchParams: Promise<{ opened?: string }> }) {
  const user = await requireCustomer();
  const { ticketId } = await params;
  if (!UUID_RE.test(ticketId)) notFound();
  const ticket = await ticketDetail(getDb(), { side: "CUSTOMER", customerId: user.customerId }, ticketId, new Date());
  if (!ticket) notFound();
  const { opened } = await searchParams;
  const timeZone = await deskTimeZone(getDb());
  const t = await getTranslations("supportTickets");
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/portal/support/tickets" className="text-sm">
        ← {t("back")}
      </Link>
      {opened ? (
        <Alert tone="success" testId="ticket-opened">
          {t("openedConfirmation", {
            reference: ticket.reference,
            promise: t(`promise.${ticket.urgency}`),
            due: format.dateTime(new Date(ticket.responseDueAt), { dateStyle: "full", timeStyle: "short", timeZone }),
          })}
        </Alert>
      ) : null}
      <Card level={1} title={`${ticket.reference} · ${ticket.subject}`}>
        <div className="mb-4">
          <TicketFacts ticket={ticket} timeZone={timeZone} />
        </div>
        <TicketConversation ticket={ticket} reader="CUSTOMER" timeZone={timeZone} />
      </Card>
      <Card title={t("reply")}>
        <TicketReplyForm action={customerTicketReplyAction} ticketId={ticket.id} closed={ticket.status === "CLOSED"} hint={t("customerReplyHint")} />
      </Card>
    </div>
  );
}
