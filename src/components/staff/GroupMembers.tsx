"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeGroupMemberAction, renameGroupAction } from "@/app/(staff)/staff/groups/[groupId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { Alert, Field, inputClass, secondaryButtonClass, Table, Td } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { GroupMemberDto } from "@/contracts/portal-rules-views";

export function RenameGroupForm({ groupId, name }: { groupId: string; name: string }) {
  const t = useTranslations("groups");
  const [state, action, pending] = useActionState(renameGroupAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} key={typed.key} className="flex flex-wrap items-start gap-3" data-testid="rename-group-form">
      <input type="hidden" name="groupId" value={groupId} />
      <Field label={t("name")} htmlFor="rename-group" error={fieldError("name")}>
        <input id="rename-group" name="name" required maxLength={120} defaultValue={typed.value("name", name)} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} mt-6`}>
        {t("rename")}
      </button>
      {state.status === "ok" ? <Alert tone="success" testId="group-renamed">{t("renamed")}</Alert> : null}
    </form>
  );
}

/** One row's add or remove button; removing confirms (the customer's billing and portal rules change). */
function MemberButton({ groupId, groupName, customer, remove }: { groupId: string; groupName: string; customer: GroupMemberDto; remove: boolean }) {
  const t = useTranslations("groups.members");
  const [state, action, pending] = useActionState(changeGroupMemberAction, idle);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="customerId" value={customer.id} />
      {remove ? (
        <>
          <input type="hidden" name="remove" value="1" />
          <ConfirmSubmit label={t("remove")} summary={t("confirmRemove", { customer: customer.legalName, group: groupName })} confirmLabel={t("confirmRemoveButton")} disabled={pending} tone="secondary" testId={`remove-${customer.id}`} />
        </>
      ) : (
        <button type="submit" disabled={pending} className={secondaryButtonClass} data-testid={`add-${customer.id}`}>
          {t("add")}
        </button>
      )}
      <FormProblem state={state} />
    </form>
  );
}

export function GroupMembers({ groupId, groupName, members, query, candidates }: { groupId: string; groupName: string; members: GroupMemberDto[]; query: string; candidates: (GroupMemberDto & { groupName: string | null })[] | null }) {
  const t = useTranslations("groups.members");
  return (
    <div className="flex flex-col gap-5">
      <Table headers={[t("customer"), { label: t("email"), className: "hidden md:table-cell" }, { label: "", className: "text-right" }]} empty={members.length === 0 ? t("none") : undefined}>
        {members.map((m) => (
          <tr key={m.id} data-testid="group-member-row">
            <Td>
              <Link href={`/staff/customers/${m.id}`}>{m.legalName}</Link>
            </Td>
            <Td className="hidden break-all md:table-cell">{m.billingEmail}</Td>
            <Td className="text-right">
              <MemberButton groupId={groupId} groupName={groupName} customer={m} remove />
            </Td>
          </tr>
        ))}
      </Table>
      <form method="get" className="flex flex-wrap items-end gap-3" data-testid="member-search-form">
        <input type="hidden" name="tab" value="customers" />
        <Field label={t("search")} htmlFor="member-search" hint={t("searchHint")}>
          <input id="member-search" name="q" type="search" maxLength={100} defaultValue={query} className={inputClass} />
        </Field>
        <button type="submit" className={`${secondaryButtonClass} mb-5`}>
          {t("find")}
        </button>
      </form>
      {candidates ? (
        <Table headers={[t("customer"), { label: t("currentGroup"), className: "hidden md:table-cell" }, { label: "", className: "text-right" }]} empty={candidates.length === 0 ? t("noMatch") : undefined}>
          {candidates.map((c) => (
            <tr key={c.id} data-testid="member-candidate-row">
              <Td>
                {c.legalName}
                <span className="block break-all text-xs text-slate-500">{c.billingEmail}</span>
              </Td>
              <Td className="hidden md:table-cell">{c.groupName ?? t("noGroup")}</Td>
              <Td className="text-right">
                <MemberButton groupId={groupId} groupName={groupName} customer={c} remove={false} />
              </Td>
            </tr>
          ))}
        </Table>
      ) : null}
    </div>
  );
}
