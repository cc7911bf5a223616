import type { ReactNode } from "react";
import { Alert, buttonClass } from "@/components/ui";

/** A titled group of fields in a long settings form, two columns from tablet width, with an optional hint. */
export function FormSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4 md:grid-cols-2">
      <legend className="px-1 text-sm font-semibold text-slate-700">{title}</legend>
      {hint ? <p className="text-xs text-slate-500 md:col-span-2">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** The save button of a settings form, with what the last save did next to it. */
export function FormSaveRow({ pending, label, saved, error }: { pending: boolean; label: string; saved?: string | null; error?: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={buttonClass}>
        {label}
      </button>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
