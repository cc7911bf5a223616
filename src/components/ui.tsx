import { type ComponentProps, cloneElement, isValidElement, type ReactNode } from "react";

/** Small presentational building blocks shared by the portal and the back-office. */
export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500";
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/**
 * A labelled control with its hint and its error. The error sits under the control, and the control
 * points at it (`aria-describedby`, `aria-invalid`), so a screen reader reads it with the field.
 */
export function Field({ label, htmlFor, error, hint, children }: { label: string; htmlFor: string; error?: string; hint?: string; children: ReactNode }) {
  const hintId = hint ? `${htmlFor}-hint` : undefined;
  const errorId = error ? `${htmlFor}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor}>{label}</label>
      {describedControl(children, [hintId, errorId], !!error)}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId ?? ""} testId={`error-${htmlFor}`} text={error} /> : null}
    </div>
  );
}

/** The error under one field (or group of fields); its `id` is what the control's `aria-describedby` names. */
export function FieldError({ id, testId, text }: { id: string; testId: string; text: string }) {
  return (
    <p id={id} className="text-xs text-red-700" data-testid={testId}>
      {text}
    </p>
  );
}

/** The control of a `Field`, told which hint and error describe it (its own `aria-describedby` is kept). */
function describedControl(children: ReactNode, ids: (string | undefined)[], invalid: boolean): ReactNode {
  if (!isValidElement<{ "aria-describedby"?: string; "aria-invalid"?: unknown }>(children)) return children;
  const describedBy = [children.props["aria-describedby"], ...ids].filter(Boolean).join(" ");
  return cloneElement(children, { "aria-describedby": describedBy || undefined, "aria-invalid": invalid ? true : children.props["aria-invalid"] });
}

export function Alert({ tone, children, testId }: { tone: "error" | "success" | "info"; children: ReactNode; testId?: string }) {
  const colors = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
  }[tone];
  return (
    <p className={`rounded-md border px-3 py-2 text-sm ${colors}`} data-testid={testId}>
      {children}
    </p>
  );
}

/** A titled block. A page that is one card gives it `level={1}`: its title is then the page's one h1. */
export function Card({ title, children, actions, level = 2 }: { title?: string; children: ReactNode; actions?: ReactNode; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4 md:p-5">
      {title || actions ? (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          {title ? <Heading>{title}</Heading> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** A column heading; `className` hides a secondary column on a phone (`hidden md:table-cell`, same on its Td). */
export type TableHeader = string | { label: string; className?: string };

export function Table({ headers, children, empty }: { headers: TableHeader[]; children: ReactNode; empty?: string }) {
  return (
    // A table wider than a phone scrolls sideways; the keyboard can scroll it too (it takes focus).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1, axe scrollable-region-focusable)
    <div className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-indigo-500" tabIndex={0}>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 md:tracking-wide">
          <tr>
            {headers.map((h, i) => {
              const { label, className } = typeof h === "string" ? { label: h, className: "" } : h;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: headings are fixed per table; an action column has no label
                <th key={i} scope="col" className={`px-1.5 py-2 font-medium first:pl-0 last:pr-0 md:px-2 md:first:pl-2 md:last:pr-2 ${className ?? ""}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {empty ? <p className="px-2 py-4 text-sm text-slate-500">{empty}</p> : null}
    </div>
  );
}

export function Td(props: ComponentProps<"td">) {
  return <td {...props} className={`px-1.5 py-2 align-top first:pl-0 last:pr-0 md:px-2 md:first:pl-2 md:last:pr-2 ${props.className ?? ""}`} />;
}

export function Badge({ children }: { children: ReactNode }) {
  // inline-block: a label that wraps on a phone stays one pill.
  return <span className="inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{children}</span>;
}
