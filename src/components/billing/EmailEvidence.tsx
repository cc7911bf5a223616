import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Table, Td } from "@/components/ui";
import type { EmailEvidenceDto } from "@/contracts/email-evidence";

const TEMPLATES = ["renewalInvoice", "paymentReminder", "invitation", "passwordReset", "supportInvoice"] as const;
type Template = (typeof TEMPLATES)[number];
const isTemplate = (s: string): s is Template => (TEMPLATES as readonly string[]).includes(s);

/** When something first happened and how often, or "not yet". */
function When({ at, count }: { at: Date | null; count?: number }) {
  const t = useTranslations("emailEvidence");
  const format = useFormatter();
  if (!at) return <span className="text-slate-500">{t("notYet")}</span>;
  return (
    <span className="whitespace-nowrap">
      <time dateTime={at.toISOString()}>
        {format.dateTime(at, { dateStyle: "short", timeStyle: "short" })}
      </time>
      {count !== undefined && count > 1 ? (
        <span className="block text-xs text-slate-500">{t("times", { count })}</span>
      ) : null}
    </span>
  );
}

/**
 * Per e-mail: written, delivered (accepted by the recipient's mail server), first opened, first
 * link followed, and what was attached (ADR 0017). `href` links each e-mail to its outbox page.
 */
export function EmailEvidenceTable({
  emails,
  href,
}: {
  emails: EmailEvidenceDto[];
  href?: (id: string) => string;
}) {
  const t = useTranslations("emailEvidence");
  const format = useFormatter();
  const headers = [t("email"), t("queued"), t("delivered"), t("opened"), t("clicked"), t("attachments")];
  return (
    <Table headers={headers} empty={emails.length === 0 ? t("none") : undefined}>
      {emails.map((m) => {
        const name = isTemplate(m.template) ? t(`templates.${m.template}`) : m.template;
        return (
          <tr key={m.id} data-testid="email-evidence-row">
            <Td>
              {href ? <Link href={href(m.id)}>{name}</Link> : name}
              <span className="block text-xs text-slate-500">{m.toAddress}</span>
            </Td>
            <Td className="whitespace-nowrap">
              {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}
            </Td>
            <Td data-testid="email-delivered">
              {m.status === "CAPTURED" ? (
                <span className="text-slate-500">{t("kept")}</span>
              ) : (
                <When at={m.deliveredAt} />
              )}
            </Td>
            <Td data-testid="email-opened">
              <When at={m.firstOpenedAt} count={m.opens} />
            </Td>
            <Td data-testid="email-clicked">
              <When at={m.firstClickedAt} count={m.clicks} />
            </Td>
            <Td data-testid="email-attachments">
              {m.attachments.length === 0
                ? "—"
                : m.attachments.map((a) => (
                    <span key={a.filename} className="block">
                      {a.filename}
                    </span>
                  ))}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
