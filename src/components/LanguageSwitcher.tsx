"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { changeLocale } from "@/app/actions/change-locale";
import { LOCALES, type Locale } from "@/domain/i18n/locales";

const NAMES: Record<Locale, string> = { en: "English", fr: "Français", es: "Español" };

export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <select
        aria-label={label}
        data-testid="language-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={current}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            await changeLocale(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
