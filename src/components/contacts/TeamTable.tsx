"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Badge, Table, Td } from "@/components/ui";
import type { ContactView } from "@/contracts/contacts";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Change = "disable" | "enable" | "remove" | "makeOwner" | "authoriseSupport" | "revokeSupport";

/**
 * A company's contacts with what the reader may do to each (the company's owner, or billing staff):
 * disable or re-enable, hand over the primary role, remove. Each change states its consequence and
 * asks first; the outcome says what was done. The server re-checks every rule.
 */
export function TeamTable({
  contacts,
  action,
  canManage,
  selfId,
  customerId,
  memberHrefPrefix,
  supportCap,
}: {
  contacts: ContactView[];
  action: Action;
  canManage: boolean;
  /** The reader, who manages everyone but themselves. */
  selfId?: string;
  /** Sent along by the back-office (the portal's company is the caller's). */
  customerId?: string;
  /** Names link to `${memberHrefPrefix}${id}` (the portal's member page). */
  memberHrefPrefix?: string;
  /** Authorised support contacts (issue 18): how many there are and how many the desk allows. */
  supportCap?: { count: number; cap: number };
}) {
  const t = useTranslations("contacts");
  const tRoles = useTranslations("common.roles");
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(action, idle);
  const changes = (c: ContactView): Change[] => {
    if (!canManage) return [];
    // Owners name support contacts, themselves included; a disabled contact can only lose the right.
    const support: Change[] = c.supportContact ? ["revokeSupport"] : c.disabled ? [] : ["authoriseSupport"];
    if (c.id === selfId) return support;
    if (c.disabled) return ["enable", "remove", ...support];
    return c.role === "OWNER" ? support : ["makeOwner", ...support, "disable", "remove"];
  };
  const done = state.status === "ok" ? t(`done.${(state.values?.action ?? "disable") as Change}`, { name: state.values?.name ?? "" }) : "";
  return (
    <div className="flex flex-col gap-3">
      <ActionOutcome state={state} success={done} />
      {supportCap ? <p className="text-sm text-slate-600">{t("supportCap", supportCap)}</p> : null}
      <Table
        headers={[t("name"), { label: t("email"), className: "hidden md:table-cell" }, t("role"), { label: t("since"), className: "hidden md:table-cell" }, ...(canManage ? [{ label: t("actions"), className: "text-right" }] : [])]}
        empty={contacts.length === 0 ? t("none") : undefined}
      >
        {contacts.map((c) => (
          <tr key={c.id} data-testid="contact-row">
            <Td>
              {memberHrefPrefix ? <Link href={`${memberHrefPrefix}${c.id}`}>{c.name}</Link> : c.name}
              {/* On a phone the e-mail sits under the name rather than in a column of its own. */}
              <span className="block break-words text-xs text-slate-500 md:hidden">{c.email}</span>
            </Td>
            <Td className="hidden break-words md:table-cell">{c.email}</Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                <span>{c.role === "OWNER" ? t("primary") : t("secondary")}</span>
                {c.disabled ? <Badge>{t("disabled")}</Badge> : null}
                {c.supportContact ? <Badge>{t("supportContact")}</Badge> : null}
                {c.id === selfId ? <Badge>{t("you")}</Badge> : null}
              </span>
              <span className="sr-only">{tRoles(c.role)}</span>
            </Td>
            <Td className="hidden whitespace-nowrap md:table-cell">{format.dateTime(new Date(c.createdAt), { dateStyle: "medium" })}</Td>
            {canManage ? (
              <Td className="text-right">
                <div className="flex flex-col items-end gap-2 md:flex-row md:flex-wrap md:justify-end">
                  {changes(c).map((change) => (
                    <form key={change} action={formAction}>
                      {customerId ? <input type="hidden" name="customerId" value={customerId} /> : null}
                      <input type="hidden" name="userId" value={c.id} />
                      <input type="hidden" name="action" value={change} />
                      <ConfirmSubmit
                        label={t(`actions_.${change}`)}
                        summary={t(`confirm.${change}`, { name: c.name, email: c.email })}
                        confirmLabel={t(`confirmButton.${change}`)}
                        disabled={pending}
                        tone="secondary"
                        testId={`${change}-${c.id}`}
                      />
                    </form>
                  ))}
                </div>
              </Td>
            ) : null}
          </tr>
        ))}
      </Table>
    </div>
  );
}
