"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useRef } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/ui";

/**
 * The button of an irreversible action: it opens a dialog that states exactly what will happen
 * ("Issue credit note of €2.00 on F2026-000005?"), and only the dialog's confirm button submits the
 * surrounding form. `summary` is computed from what the screen shows, so what is confirmed is what
 * is sent.
 */
export function ConfirmSubmit({
  label,
  summary,
  confirmLabel,
  disabled,
  tone = "primary",
  testId,
  canOpen = () => true,
}: {
  label: string;
  summary: ReactNode;
  confirmLabel: string;
  disabled?: boolean;
  tone?: "primary" | "secondary";
  testId?: string;
  /** Runs the form's own validation first (required fields…); the dialog opens only when it passes. */
  canOpen?: (form: HTMLFormElement) => boolean;
}) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        data-testid={testId}
        className={tone === "primary" ? buttonClass : secondaryButtonClass}
        onClick={(e) => {
          const form = e.currentTarget.form;
          if (form && (!form.reportValidity() || !canOpen(form))) return;
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className="m-auto max-w-md rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40" aria-labelledby={testId ? `${testId}-summary` : undefined}>
        <p id={testId ? `${testId}-summary` : undefined} className="mb-4" data-testid="confirm-summary">
          {summary}
        </p>
        <div className="flex justify-end gap-3">
          <button type="button" className={secondaryButtonClass} onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
          <button type="submit" className={buttonClass} data-testid="confirm-submit" onClick={() => dialog.current?.close()}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
