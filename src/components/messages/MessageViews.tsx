import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ThreadDto, ThreadListItemDto } from "@/contracts/message-views";
import { Table, Td } from "@/components/ui";

/** A thread's unread mark: a dot and the word, so it does not rely on colour alone. */
export function UnreadBadge() {
  const t = useTranslations("secureMessages");
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800" data-testid="unread-badge">
      <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-indigo-700" />
      {t("unread")}
    </span>
  );
}

/** The threads of a list, for the portal (`base` /portal/messages) or the back-office (with company and assignee). */
export function ThreadList({ threads, base, staff = false }: { threads: ThreadListItemDto[]; base: string; staff?: boolean }) {
  const t = useTranslations("secureMessages");
  const format = useFormatter();
  const headers = [
    t("subject"),
    ...(staff ? [t("company")] : []),
    { label: t("category"), className: "hidden md:table-cell" },
    t("status"),
    ...(staff ? [{ label: t("assignee"), className: "hidden md:table-cell" }] : []),
    { label: t("lastMessage"), className: "hidden sm:table-cell" },
  ];
  return (
    <Table headers={headers} empty={threads.length === 0 ? t("none") : undefined}>
      {threads.map((th) => (
        <tr key={th.id} data-testid="thread-row" className={th.unread ? "font-semibold" : undefined}>
          <Td>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`${base}/${th.id}`} className="break-words">
                {th.subject}
              </Link>
              {th.unread ? <UnreadBadge /> : null}
            </div>
          </Td>
          {staff ? <Td>{th.customerName}</Td> : null}
          <Td className="hidden md:table-cell">{t(`categories.${th.category}`)}</Td>
          <Td>{t(`statuses.${th.status}`)}</Td>
          {staff ? <Td className="hidden md:table-cell">{th.assigneeName ?? t("nobody")}</Td> : null}
          <Td className="hidden whitespace-nowrap sm:table-cell">{format.dateTime(new Date(th.lastMessageAt), { dateStyle: "medium", timeStyle: "short" })}</Td>
        </tr>
      ))}
    </Table>
  );
}

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/**
 * The conversation, oldest first. Staff messages read "Billing team" on the portal side
 * (`staffLabel`); attachments download through `attachmentBase`, which checks who asks.
 */
export function Conversation({ thread, attachmentBase, reader }: { thread: ThreadDto; attachmentBase: string; reader: "CUSTOMER" | "STAFF" }) {
  const t = useTranslations("secureMessages");
  const format = useFormatter();
  return (
    <ol className="flex flex-col gap-3" aria-label={t("conversation")}>
      {thread.messages.map((m) => {
        const mine = m.authorKind === reader;
        return (
          <li key={m.id} data-testid="message" className={`rounded-lg border p-4 ${mine ? "border-indigo-200 bg-indigo-50 sm:ml-12" : "border-slate-200 bg-white sm:mr-12"}`}>
            <p className="mb-2 flex flex-wrap justify-between gap-x-4 text-xs text-slate-600">
              <span className="font-semibold text-slate-800">{m.authorKind === "STAFF" ? `${m.authorName} · ${t("billingTeam")}` : m.authorName}</span>
              <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{m.body}</p>
            {m.attachments.length > 0 ? (
              <ul className="mt-3 flex flex-col gap-1 text-sm">
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`${attachmentBase}/${a.id}`} download={a.fileName} className="break-all" data-testid="attachment-link">
                      {t("attachmentLabel", { fileName: a.fileName, size: sizeText(a.size) })}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
