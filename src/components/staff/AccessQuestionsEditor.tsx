"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import { LOCALES, type Locale } from "@/domain/i18n/locales";
import { ACCESS_QUESTION_LABEL_MAX, ACCESS_QUESTIONS_MAX, type AccessQuestion } from "@/domain/portal-rules/access-questions";

interface Row {
  key: string;
  id: string;
  label: Partial<Record<Locale, string>>;
  required: boolean;
}

/** The rows as last typed (a refused save sends them back), else as saved. */
function initialRows(questions: AccessQuestion[], state: ActionState): Row[] {
  const values = state.status === "error" ? state.values : undefined;
  if (!values) return questions.map((q) => ({ key: q.id, id: q.id, label: q.label, required: q.required }));
  const indexes = [...new Set(Object.keys(values).flatMap((k) => /^questions\.(\d+)\./.exec(k)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
  return indexes.map((i) => ({
    key: `typed-${i}`,
    id: values[`questions.${i}.id`] ?? "",
    label: Object.fromEntries(LOCALES.map((l) => [l, values[`questions.${i}.label.${l}`] ?? ""])),
    required: values[`questions.${i}.required`] === "on",
  }));
}

/**
 * The access request's questions: a label per language and a "required" tick. A new row has no id
 * (the server gives it one when saved); removing a row takes effect when the tab is saved.
 */
export function AccessQuestionsEditor({ questions, state }: { questions: AccessQuestion[]; state: ActionState }) {
  const t = useTranslations("groups.portal");
  const fieldError = useFieldError(state);
  const [rows, setRows] = useState<Row[]>(() => initialRows(questions, state));
  const [added, setAdded] = useState(0);
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4" data-testid="access-questions">
      <legend className="px-1 text-sm font-semibold text-slate-700">{t("questions")}</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{t("noQuestions")}</p> : null}
      {rows.map((row, i) => (
        <div key={row.key} className="flex flex-col gap-2 rounded border border-slate-200 p-3" data-testid="access-question">
          <input type="hidden" name={`questions.${i}.id`} value={row.id} />
          <p className="text-sm font-medium">{t("questionNumber", { n: i + 1 })}</p>
          <div className="grid gap-3 md:grid-cols-3">
            {LOCALES.map((locale) => {
              const name = `questions.${i}.label.${locale}`;
              return (
                <Field key={locale} label={t(`languages.${locale}`)} htmlFor={`question-${row.key}-${locale}`} error={fieldError(name)}>
                  <input id={`question-${row.key}-${locale}`} name={name} maxLength={ACCESS_QUESTION_LABEL_MAX} defaultValue={row.label[locale] ?? ""} className={inputClass} />
                </Field>
              );
            })}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`questions.${i}.required`} defaultChecked={row.required} />
              {t("questionRequired")}
            </label>
            <button type="button" className={secondaryButtonClass} onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
              {t("removeQuestion", { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <div>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={rows.length >= ACCESS_QUESTIONS_MAX}
          onClick={() => {
            setRows([...rows, { key: `new-${added}`, id: "", label: {}, required: false }]);
            setAdded(added + 1);
          }}
        >
          {t("addQuestion")}
        </button>
      </div>
    </fieldset>
  );
}
