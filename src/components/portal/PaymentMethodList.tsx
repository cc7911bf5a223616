"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { removeMethodAction, setDefaultMethodAction } from "@/app/(portal)/portal/payment-methods/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { Alert, secondaryButtonClass } from "@/components/ui";
import type { SavedMethodView } from "@/contracts/payment-views";
import { methodName } from "./method-label";

/**
 * The customer's saved methods: the default marked (autopay charges it), Make default, and Remove
 * (confirmed, then said). The outcome lives here, above the rows, so it stays once a row is gone.
 */
export function PaymentMethodList({ methods }: { methods: SavedMethodView[] }) {
  const t = useTranslations("payments.methods");
  const errorText = useErrorText();
  const [made, makeDefault, making] = useActionState(setDefaultMethodAction, idle);
  const [removed, remove, removing] = useActionState(removeMethodAction, idle);
  const [last, setLast] = useState("");
  const pending = making || removing;
  const outcome =
    removed.status === "ok"
      ? t("removedOutcome", { method: last })
      : made.status === "ok"
        ? t("defaultOutcome", { method: last })
        : null;
  const error = removed.status === "error" ? removed : made.status === "error" ? made : null;
  return (
    <div className="flex flex-col gap-3">
      {outcome ? (
        <Alert tone="success" testId="action-ok">
          {outcome}
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" testId="action-error">
          {errorText(error.code)}
        </Alert>
      ) : null}
      {methods.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-methods">
          {t("none")}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200" data-testid="saved-methods">
          {methods.map((m) => {
            const name = methodName(m);
            return (
              <li
                key={m.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="saved-method"
              >
                <div>
                  <p className="font-medium">{name}</p>
                  <p className="text-sm text-slate-600">
                    {m.expMonth && m.expYear
                      ? t("expires", { date: `${String(m.expMonth).padStart(2, "0")}/${m.expYear}` })
                      : t(`kinds.${m.kind}`)}
                  </p>
                  {m.isDefault ? (
                    <p className="text-sm text-emerald-800" data-testid="default-method">
                      <span className="mr-1 inline-block rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium">
                        {t("default")}
                      </span>
                      {t("defaultExplained")}
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2">
                  {m.isDefault ? null : (
                    <form action={makeDefault} onSubmit={() => setLast(name)}>
                      <input type="hidden" name="methodId" value={m.id} />
                      <button
                        type="submit"
                        disabled={pending}
                        className={secondaryButtonClass}
                        data-testid="make-default"
                      >
                        {t("makeDefault")}
                      </button>
                    </form>
                  )}
                  <form action={remove} onSubmit={() => setLast(name)}>
                    <input type="hidden" name="methodId" value={m.id} />
                    <ConfirmSubmit
                      label={t("remove")}
                      summary={
                        m.isDefault
                          ? t("confirmRemoveDefault", { method: name })
                          : t("confirmRemove", { method: name })
                      }
                      confirmLabel={t("confirmRemoveButton")}
                      disabled={pending}
                      tone="secondary"
                      testId={`remove-method-${m.last4}`}
                    />
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
