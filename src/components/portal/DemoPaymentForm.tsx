"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState, useState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { DEMO_TEST_NUMBERS } from "@/domain/payments/demo-test-methods";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Groups of 4, as on the card and in the bank's letter. */
const spaced = (n: string) => n.replace(/(.{4})(?=.)/g, "$1 ");

/**
 * The demo provider's payment form (no Stripe keys), labelled as such: a card (number, expiry, CVC)
 * or, in EUR, the test bank account. It accepts only the listed test numbers; the number and the CVC
 * are never sent back to the browser, and the server keeps only the last 4 digits.
 */
export function DemoPaymentForm({
  action,
  hidden,
  submitLabel,
  bankAvailable,
  saveOption,
  testId,
  afterOk,
}: {
  /** What replaces the form once its action answered ok (the authentication step of a setup), if anything. */
  afterOk?: (values: Record<string, string>) => ReactNode;
  action: Action;
  /** The checkout id, or the setup id and its client secret. */
  hidden: Record<string, string>;
  submitLabel: string;
  bankAvailable: boolean;
  /** Offer "save this method for renewals" (paying; saving a method needs no question). */
  saveOption: boolean;
  testId: string;
}) {
  const t = useTranslations("payments.demo");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const [kind, setKind] = useState<"card" | "bank">(typed.value("kind", "card") === "bank" ? "bank" : "card");
  const numbers = DEMO_TEST_NUMBERS.filter((n) => (n.kind === "CARD") === (kind === "card"));
  const next = state.status === "ok" && afterOk ? afterOk(state.values ?? {}) : null;
  if (next) return next;
  const fieldProblem = state.status === "error" && state.fields && Object.keys(state.fields).length > 0;
  return (
    <section
      aria-labelledby={`${testId}-title`}
      className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50/40 p-4"
      data-testid={testId}
    >
      <h2 id={`${testId}-title`} className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      <form action={formAction} key={typed.key} className="flex flex-col gap-3">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {bankAvailable ? null : <input type="hidden" name="kind" value="card" />}
        {bankAvailable ? (
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="mb-1">{t("methodKind")}</legend>
            <label className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="kind"
                value="card"
                checked={kind === "card"}
                onChange={() => setKind("card")}
              />{" "}
              {t("card")}
            </label>
            <label className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="kind"
                value="bank"
                checked={kind === "bank"}
                onChange={() => setKind("bank")}
              />{" "}
              {t("bank")}
            </label>
          </fieldset>
        ) : null}
        {kind === "card" ? (
          <>
            <Field label={t("cardNumber")} htmlFor={`${testId}-number`} error={fieldError("number")}>
              <input
                id={`${testId}-number`}
                name="number"
                required
                inputMode="numeric"
                autoComplete="off"
                maxLength={40}
                className={inputClass}
              />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field
                label={t("expiry")}
                htmlFor={`${testId}-expiry`}
                hint={t("expiryHint")}
                error={fieldError("expiry")}
              >
                <input
                  id={`${testId}-expiry`}
                  name="expiry"
                  required
                  autoComplete="off"
                  maxLength={7}
                  defaultValue={typed.value("expiry")}
                  className={inputClass}
                />
              </Field>
              <Field label={t("cvc")} htmlFor={`${testId}-cvc`} error={fieldError("cvc")}>
                <input
                  id={`${testId}-cvc`}
                  name="cvc"
                  required
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  className={inputClass}
                />
              </Field>
            </div>
          </>
        ) : (
          <Field label={t("iban")} htmlFor={`${testId}-number`} error={fieldError("number")}>
            <input
              id={`${testId}-number`}
              name="number"
              required
              autoComplete="off"
              maxLength={40}
              className={inputClass}
            />
          </Field>
        )}
        {saveOption ? (
          <label className="inline-flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="saveMethod"
              defaultChecked={typed.value("saveMethod") === "on"}
              className="mt-1"
            />{" "}
            {t("saveMethod")}
          </label>
        ) : null}
        {fieldProblem ? <FormProblem state={state} /> : null}
        {state.status === "error" && !fieldProblem ? (
          <Alert tone="error" testId="demo-error">
            {errorText(state.code)}
          </Alert>
        ) : null}
        <div>
          <button
            type="submit"
            disabled={pending}
            aria-busy={pending}
            className={buttonClass}
            data-testid={`${testId}-submit`}
          >
            {pending ? t("paying") : submitLabel}
          </button>
        </div>
      </form>
      <div className="mt-4 text-sm">
        <h3 className="font-medium">{t("testNumbers")}</h3>
        <ul className="mt-1 flex flex-col gap-1" data-testid="demo-test-numbers">
          {numbers.map((n) => (
            <li key={n.number} className="flex flex-wrap gap-x-2">
              <code className="select-all font-mono">{spaced(n.number)}</code>
              <span className="text-slate-600">{t(`outcomes.${n.outcome}`)}</span>
            </li>
          ))}
        </ul>
        {kind === "card" ? <p className="mt-1 text-slate-600">{t("anyExpiry")}</p> : null}
      </div>
    </section>
  );
}
