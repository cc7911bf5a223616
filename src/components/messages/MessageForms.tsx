"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { ATTACHMENT_ACCEPT } from "@/domain/messages/attachment-rules";
import { BODY_MAX_LENGTH, MESSAGE_CATEGORIES, SUBJECT_MAX_LENGTH } from "@/domain/messages/message-rules";

type FormAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** The file input of a message: several files, a hint of what is accepted; the server checks the bytes. */
function AttachmentsField({ id, error }: { id: string; error?: string }) {
  const t = useTranslations("secureMessages");
  return (
    <Field label={t("attachments")} htmlFor={id} hint={t("attachmentsHint")} error={error}>
      <input id={id} name="attachments" type="file" multiple accept={ATTACHMENT_ACCEPT} className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm" />
    </Field>
  );
}

/** A customer user's new message to the billing team: subject, category, text and files. */
export function NewThreadForm({ action }: { action: FormAction }) {
  const t = useTranslations("secureMessages");
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={formAction} key={typed.key} className="flex flex-col gap-4" data-testid="new-thread-form">
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Field label={t("subject")} htmlFor="thread-subject" error={fieldError("subject")}>
          <input id="thread-subject" name="subject" required maxLength={SUBJECT_MAX_LENGTH} defaultValue={typed.value("subject")} className={inputClass} />
        </Field>
        <Field label={t("category")} htmlFor="thread-category" error={fieldError("category")}>
          <select id="thread-category" name="category" required defaultValue={typed.value("category", "BILLING_QUESTION")} className={inputClass}>
            {MESSAGE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("body")} htmlFor="thread-body" error={fieldError("body")}>
        <textarea id="thread-body" name="body" required rows={6} maxLength={BODY_MAX_LENGTH} defaultValue={typed.value("body")} className={inputClass} />
      </Field>
      <AttachmentsField id="thread-attachments" error={fieldError("attachments")} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("sending") : t("send")}
        </button>
        <FormProblem state={state} />
      </div>
    </form>
  );
}

/** A reply in a thread, from either side (the action decides whose). */
export function ReplyForm({ action, threadId, closed }: { action: FormAction; threadId: string; closed: boolean }) {
  const t = useTranslations("secureMessages");
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={formAction} key={typed.key} className="flex flex-col gap-4" data-testid="reply-form">
      <input type="hidden" name="threadId" value={threadId} />
      {closed ? <Alert tone="info">{t("closedNotice")}</Alert> : null}
      <Field label={t("body")} htmlFor="reply-body" error={fieldError("body")}>
        <textarea id="reply-body" name="body" required rows={5} maxLength={BODY_MAX_LENGTH} defaultValue={typed.value("body")} className={inputClass} />
      </Field>
      <AttachmentsField id="reply-attachments" error={fieldError("attachments")} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("sending") : t("reply")}
        </button>
        {state.status === "ok" ? <Alert tone="success" testId="reply-sent">{t("replySent")}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
