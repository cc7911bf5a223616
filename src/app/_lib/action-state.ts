import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isDomainError } from "@/domain/shared/domain-error";
import { NUL_BYTE_MESSAGE, nulBytePaths } from "@/domain/shared/nul-bytes";
import { logger } from "@/server/logger";

/**
 * What a server action hands back to its form: a stable error code (translated by the client from
 * the `errors` catalogue) and per-field codes, never an exception message.
 */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; values?: Record<string, string> }
  | { status: "error"; code: string; fields?: Record<string, string>; values?: Record<string, string> };


/**
 * The code of one field's problem, translated by the form next to that field (`fieldErrors.*`):
 * a refinement names its own code in `params.code`; zod's built-in checks map to a few codes.
 */
export function fieldErrorCode(issue: z.core.$ZodIssue): string {
  const own = (issue as { params?: { code?: unknown } }).params?.code;
  if (typeof own === "string") return own;
  if (issue.message === NUL_BYTE_MESSAGE) return "NUL_BYTE";
  if (issue.code === "invalid_type" && issue.input === undefined) return "REQUIRED";
  if (issue.code === "invalid_format" && issue.format === "email") return "NOT_AN_EMAIL";
  if (issue.code === "too_small") return issue.origin === "string" && issue.minimum === 1 ? "REQUIRED" : "TOO_SMALL";
  if (issue.code === "too_big") return issue.origin === "string" ? "TOO_LONG" : "TOO_LARGE";
  return "INVALID";
}

/** Fields whose text never travels back to the browser (second-factor actions do not send their form back at all). */
const SECRET_FIELDS = new Set(["password", "confirm", "token"]);

/**
 * What the person typed, for the form to show again next to its errors: React empties a form once
 * its action returns, and retyping a whole form because of one typo is what we spare people.
 */
export function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && !SECRET_FIELDS.has(k)) out[k] = v.replaceAll("\0", "");
  return out;
}

/**
 * Field errors keyed by their full path ("lines.0.unitPrice"), so repeated rows point at their own
 * input. With the submitted `form`, the typed values come back too (`typedValues`).
 */
export function toErrorState(e: unknown, form?: FormData): ActionState {
  unstable_rethrow(e); // redirect() and notFound() must keep working inside actions
  const state = errorState(e);
  return form && state.status === "error" ? { ...state, values: typedValues(form) } : state;
}

function errorState(e: unknown): ActionState {
  if (e instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of e.issues) fields[issue.path.map(String).join(".") || "form"] ??= fieldErrorCode(issue);
    return { status: "error", code: "VALIDATION_FAILED", fields };
  }
  if (isDomainError(e)) {
    const reason = e.details?.reason;
    // A refused password is always the "new password" field's problem.
    if (e.code === "PASSWORD_REJECTED" && typeof reason === "string") return { status: "error", code: `PASSWORD_${reason}`, fields: { password: `PASSWORD_${reason}` } };
    const field = e.details?.field;
    if (typeof field !== "string") return { status: "error", code: e.code };
    // The reason (CODE_TAKEN, AT_LEAST_ONE…) says what is wrong with the field; "VALIDATION_FAILED" does not.
    const code = typeof reason === "string" ? reason : e.code;
    return { status: "error", code: e.code, fields: { [field]: code } };
  }
  logger.error({ err: e instanceof Error ? e.message : String(e) }, "unexpected error in server action");
  return { status: "error", code: "UNEXPECTED" };
}

/**
 * FormData to a plain object of strings, ready for a zod schema. A field holding a NUL byte (which
 * PostgreSQL cannot store) is refused here, for every form, as a validation error on that field.
 */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  const unsafe = nulBytePaths(out);
  if (unsafe.length > 0) throw new z.ZodError(unsafe.map((path) => ({ code: "custom" as const, path, message: NUL_BYTE_MESSAGE, input: undefined })));
  return out;
}
