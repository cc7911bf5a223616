"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { saveHourBankTiersAction } from "@/app/(staff)/staff/catalogue/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, FieldError, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import type { HourBankTiersDto } from "@/contracts/support-banks";
import { currencyExponent } from "@/domain/billing/money";
import { fmtMoney } from "@/domain/billing/display-format";

type Row = { fromHours: string; rate: string };

const rowsOf = (c: HourBankTiersDto | undefined): Row[] =>
  c && c.tiers.length > 0
    ? c.tiers.map((t) => ({ fromHours: String(t.fromHours), rate: (t.rateMinor / 10 ** currencyExponent(c.currency)).toFixed(currencyExponent(c.currency)) }))
    : [{ fromHours: "1", rate: "" }];

/**
 * The volume tiers of an hour-bank product, one currency at a time: rows of "from N hours, this rate
 * per hour". Saved all at once, checked on the server (start at 1 h, never dearer for more hours).
 */
export function HourBankTiersForm({ productId, currencies }: { productId: string; currencies: HourBankTiersDto[] }) {
  const t = useTranslations("supportBanks.tiers");
  const locale = useLocale();
  const [state, action, pending] = useActionState(saveHourBankTiersAction, idle);
  const fieldError = useFieldError(state);
  const [currency, setCurrency] = useState(currencies[0]?.currency ?? "EUR");
  const [rows, setRows] = useState<Row[]>(() => rowsOf(currencies[0]));
  const current = currencies.find((c) => c.currency === currency);
  const change = (i: number, key: keyof Row, value: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const listError = fieldError("tiers");
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="tiers-form">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="tiers" value={JSON.stringify(rows)} />
      <div className="max-w-xs">
        <Field label={t("currency")} htmlFor="tiers-currency" error={fieldError("currency")}>
          <select
            id="tiers-currency"
            name="currency"
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              setRows(rowsOf(currencies.find((c) => c.currency === e.target.value)));
            }}
            className={inputClass}
          >
            {currencies.map((c) => (
              <option key={c.currency} value={c.currency}>
                {c.currency}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="text-sm text-slate-600" data-testid="tiers-hourly-rate">
        {current?.hourlyRateMinor != null ? t("hourlyRate", { rate: fmtMoney(current.hourlyRateMinor, currency, locale) }) : t("noHourlyRate")}
      </p>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position while edited
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2" data-testid="tier-row">
          <Field label={t("fromHours")} htmlFor={`tier-${i}-from`} error={fieldError(`tiers.${i}.fromHours`)}>
            <input id={`tier-${i}-from`} inputMode="numeric" value={r.fromHours} onChange={(e) => change(i, "fromHours", e.target.value)} className={inputClass} />
          </Field>
          <Field label={t("rate")} htmlFor={`tier-${i}-rate`} error={fieldError(`tiers.${i}.rate`)}>
            <input id={`tier-${i}-rate`} inputMode="decimal" value={r.rate} onChange={(e) => change(i, "rate", e.target.value)} className={inputClass} />
          </Field>
          <button type="button" className={`${secondaryButtonClass} mt-7`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
            {t("remove")}
          </button>
        </div>
      ))}
      {rows.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
      {listError ? <FieldError id="tiers-error" testId="error-tiers" text={listError} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="button" className={secondaryButtonClass} onClick={() => setRows((rs) => [...rs, { fromHours: "", rate: "" }])} data-testid="add-tier">
          {t("add")}
        </button>
        <button type="submit" className={buttonClass} disabled={pending} data-testid="save-tiers">
          {t("save")}
        </button>
      </div>
      {state.status === "ok" ? <Alert tone="success" testId="tiers-saved">{t("saved", { currency: state.values?.currency ?? "" })}</Alert> : null}
      <FormProblem state={state} />
    </form>
  );
}
