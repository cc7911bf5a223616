"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ComponentProps, useEffect, useId, useState } from "react";

/**
 * A date field whose hint is in the interface language. The browser draws `<input type="date">` in
 * its own locale (an English browser shows mm/dd/yyyy on a French page), so the hint names that
 * order with the interface's words (jj/mm/aaaa) and repeats the chosen day in the interface
 * language. Both are computed after mounting: the server cannot know the browser's locale.
 */
export function DateInput(props: Omit<ComponentProps<"input">, "type">) {
  const t = useTranslations("common.dateHint");
  const locale = useLocale();
  const hintId = useId();
  const [own, setOwn] = useState(typeof props.defaultValue === "string" ? props.defaultValue : "");
  const [browserLocale, setBrowserLocale] = useState<string | null>(null);
  useEffect(() => setBrowserLocale(navigator.language || "en-US"), []);
  const value = typeof props.value === "string" ? props.value : own;

  let hint = "";
  if (browserLocale) {
    const tokens: Record<string, string> = { day: t("day"), month: t("month"), year: t("year") };
    const order = new Intl.DateTimeFormat(browserLocale, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(Date.UTC(2026, 11, 31)));
    const format = order.map((p) => tokens[p.type] ?? (p.type === "literal" ? p.value : "")).join("");
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`)) : "";
    hint = day ? t("withDay", { format, day }) : t("format", { format });
  }
  return (
    <>
      <input
        {...props}
        type="date"
        aria-describedby={[props["aria-describedby"], hintId].filter(Boolean).join(" ")}
        onChange={(e) => {
          setOwn(e.target.value);
          props.onChange?.(e);
        }}
      />
      <span id={hintId} className="min-h-4 text-xs text-slate-500" data-testid="date-hint">
        {hint}
      </span>
    </>
  );
}
