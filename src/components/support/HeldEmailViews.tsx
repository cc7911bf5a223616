import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, Table, Td } from "@/components/ui";
import type { HeldEmailDetailDto, HeldEmailDto } from "@/contracts/inbound-email";

/** Who wrote: the name they gave and their address, or the address alone. */
export function Sender({ email }: { email: Pick<HeldEmailDto, "fromName" | "fromAddress"> }) {
  return email.fromName ? (
    <>
      {email.fromName} <span className="break-all text-slate-500">&lt;{email.fromAddress}&gt;</span>
    </>
  ) : (
    <span className="break-all">{email.fromAddress}</span>
  );
}

/** The held messages, the one waiting longest first. On a phone: subject (sender under it) and reason. */
export function HeldEmailList({ emails }: { emails: HeldEmailDto[] }) {
  const t = useTranslations("supportInbox");
  const format = useFormatter();
  return (
    <Table
      headers={[t("subject"), { label: t("from"), className: "hidden md:table-cell" }, t("reason"), { label: t("received"), className: "hidden sm:table-cell" }]}
      empty={emails.length === 0 ? t("empty") : undefined}
    >
      {emails.map((e) => (
        <tr key={e.id} data-testid="held-email-row">
          <Td>
            <Link href={`/staff/support/inbox/${e.id}`} className="break-words">
              {e.subject || t("noSubject")}
            </Link>
            {e.urgency === "URGENT" ? (
              <span className="ml-2">
                <Badge>{t("urgencies.URGENT")}</Badge>
              </span>
            ) : null}
            <span className="block break-all text-xs text-slate-500 md:hidden">{e.fromAddress}</span>
          </Td>
          <Td className="hidden md:table-cell">
            <Sender email={e} />
          </Td>
          <Td>{e.heldReason ? t(`reasons.${e.heldReason}`) : null}</Td>
          <Td className="hidden whitespace-nowrap sm:table-cell">
            <time dateTime={e.receivedAt}>{format.dateTime(new Date(e.receivedAt), { dateStyle: "medium", timeStyle: "short" })}</time>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

/** One inbound e-mail: who, to which address, when, why it waits, and its text as received. */
export function HeldEmailMessage({ email }: { email: HeldEmailDetailDto }) {
  const t = useTranslations("supportInbox");
  const format = useFormatter();
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-x-4 sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0">
        <dt className="text-slate-500">{t("from")}</dt>
        <dd data-testid="held-email-from">
          <Sender email={email} />
        </dd>
        <dt className="text-slate-500">{t("to")}</dt>
        <dd className="break-all">
          {email.toAddress} <Badge>{t(`urgencies.${email.urgency}`)}</Badge>
        </dd>
        <dt className="text-slate-500">{t("received")}</dt>
        <dd>
          <time dateTime={email.receivedAt}>{format.dateTime(new Date(email.receivedAt), { dateStyle: "long", timeStyle: "short" })}</time>
        </dd>
        {email.heldReason ? (
          <>
            <dt className="text-slate-500">{t("reason")}</dt>
            <dd>{t(`reasons.${email.heldReason}`)}</dd>
          </>
        ) : null}
      </dl>
      <div>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("message")}</h2>
        <pre className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-words rounded border border-slate-200 bg-slate-50 p-3 font-sans text-sm" data-testid="held-email-text">
          {email.text}
        </pre>
      </div>
    </div>
  );
}

/** What became of a message that no longer waits (someone else decided, or it was handled automatically). */
export function HeldEmailDecision({ email }: { email: HeldEmailDetailDto }) {
  const t = useTranslations("supportInbox");
  const format = useFormatter();
  const date = email.decidedAt ? format.dateTime(new Date(email.decidedAt), { dateStyle: "medium", timeStyle: "short" }) : "";
  const name = email.decidedByName ?? "—";
  if (email.outcome === "RELEASED" && email.ticketId && email.ticketReference) {
    return (
      <p className="text-sm" data-testid="held-email-decision">
        {t("decidedReleased", { reference: email.ticketReference, name, date })}{" "}
        <Link href={`/staff/support/tickets/${email.ticketId}`}>{t("seeTicket", { reference: email.ticketReference })}</Link>
      </p>
    );
  }
  if (email.outcome === "DISMISSED") return <p className="text-sm" data-testid="held-email-decision">{t("decidedDismissed", { name, date })}</p>;
  return <p className="text-sm" data-testid="held-email-decision">{t("decidedAutomatically")}</p>;
}
