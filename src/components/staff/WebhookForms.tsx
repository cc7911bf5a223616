"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  createWebhookEndpointAction,
  replayWebhookDeliveryAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  setWebhookEndpointActiveAction,
} from "@/app/(staff)/staff/settings/webhooks/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { WEBHOOK_EVENT_FIELD_PREFIX } from "@/contracts/webhooks";
import { WEBHOOK_EVENT_TYPE_LIST } from "@/domain/webhooks/event-types";

/** Settings → Webhooks: a new endpoint (its page opens once it is added, with its secret). */
export function WebhookEndpointForm() {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(createWebhookEndpointAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="webhook-endpoint-form" key={typed.key}>
      <Field label={t("url")} htmlFor="webhook-url" hint={t("urlHint")} error={fieldError("url")}>
        <input
          id="webhook-url"
          name="url"
          type="url"
          required
          maxLength={2000}
          defaultValue={typed.value("url")}
          autoComplete="off"
          className={inputClass}
          placeholder="https://"
        />
      </Field>
      <Field label={t("description")} htmlFor="webhook-description" error={fieldError("description")}>
        <input
          id="webhook-description"
          name="description"
          maxLength={200}
          defaultValue={typed.value("description")}
          autoComplete="off"
          className={inputClass}
        />
      </Field>
      <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="webhook-events-hint">
        <legend className="px-1 text-sm">{t("events")}</legend>
        <p id="webhook-events-hint" className="mb-2 text-xs text-slate-500">
          {t("eventsHint")}
        </p>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPE_LIST.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={`${WEBHOOK_EVENT_FIELD_PREFIX}${type}`}
                defaultChecked={typed.value(`${WEBHOOK_EVENT_FIELD_PREFIX}${type}`) === "on"}
              />
              <span>
                {t(`types.${type}`)} <code className="text-xs text-slate-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {fieldError("eventTypes") ? (
          <p className="mt-1 text-xs text-red-700">{fieldError("eventTypes")}</p>
        ) : null}
      </fieldset>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("add")}
        </button>
      </div>
      <FormProblem state={state} />
    </form>
  );
}

/** The signing secret: hidden until an admin asks (each reveal is audited); rotation asks first. */
export function WebhookSecret({ endpointId, url }: { endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  const [revealed, reveal, revealing] = useActionState(revealWebhookSecretAction, idle);
  const [rotated, rotate, rotating] = useActionState(rotateWebhookSecretAction, idle);
  const secret =
    rotated.status === "ok"
      ? rotated.values?.secret
      : revealed.status === "ok"
        ? revealed.values?.secret
        : undefined;
  return (
    <div className="flex flex-col gap-2" data-testid="webhook-secret">
      {secret ? (
        <code
          className="break-all rounded bg-slate-50 p-2 font-mono text-sm"
          data-testid="webhook-secret-value"
        >
          {secret}
        </code>
      ) : (
        <p className="text-sm text-slate-600">{t("secretHidden")}</p>
      )}
      {rotated.status === "ok" ? (
        <Alert tone="success" testId="webhook-secret-rotated">
          {t("rotated")}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <form action={reveal}>
          <input type="hidden" name="endpointId" value={endpointId} />
          <button type="submit" className={secondaryButtonClass} disabled={revealing}>
            {t("reveal")}
          </button>
        </form>
        <form action={rotate}>
          <input type="hidden" name="endpointId" value={endpointId} />
          <ConfirmSubmit
            label={t("rotate")}
            summary={t("confirmRotate", { url })}
            confirmLabel={t("confirmRotateButton")}
            disabled={rotating}
            tone="secondary"
            testId="webhook-rotate"
          />
        </form>
      </div>
      {revealed.status === "error" ? <ActionOutcome state={revealed} success="" /> : null}
      {rotated.status === "error" ? <ActionOutcome state={rotated} success="" /> : null}
    </div>
  );
}

/** Enable / disable, then what that changed. */
export function WebhookActiveToggle({ endpointId, active }: { endpointId: string; active: boolean }) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(setWebhookEndpointActiveAction, idle);
  const nowActive = state.status === "ok" ? state.values?.active === "true" : active;
  return (
    <div className="flex flex-col items-start gap-1">
      <form action={action}>
        <input type="hidden" name="endpointId" value={endpointId} />
        <input type="hidden" name="active" value={String(!active)} />
        <button
          type="submit"
          className={secondaryButtonClass}
          disabled={pending}
          data-testid="webhook-toggle"
        >
          {active ? t("disable") : t("enable")}
        </button>
      </form>
      <ActionOutcome state={state} success={nowActive ? t("enabledOutcome") : t("disabledOutcome")} />
    </div>
  );
}

/** A delivery's Replay button: asks first, then says how the receiver answered. */
export function WebhookReplay({
  endpointId,
  deliveryId,
  event,
  type,
  url,
}: {
  endpointId: string;
  deliveryId: string;
  event: string;
  type: string;
  url: string;
}) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(replayWebhookDeliveryAction, idle);
  const code = state.status === "ok" ? state.values?.statusCode || t("noAnswer") : "";
  return (
    <div className="flex flex-col items-start gap-1">
      <form action={action}>
        <input type="hidden" name="endpointId" value={endpointId} />
        <input type="hidden" name="deliveryId" value={deliveryId} />
        <ConfirmSubmit
          label={t("replay")}
          summary={t("confirmReplay", { event, type, url })}
          confirmLabel={t("confirmReplayButton")}
          disabled={pending}
          tone="secondary"
          testId={`replay-${deliveryId}`}
        />
      </form>
      {state.status === "ok" && state.values?.outcome === "failed" ? (
        <Alert tone="error" testId="action-error">
          {t("replayedFailed", { code })}
        </Alert>
      ) : (
        <ActionOutcome state={state} success={t("replayedOk", { code })} />
      )}
    </div>
  );
}
