import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isDomainError } from "@/domain/shared/domain-error";
import { logger } from "@/server/logger";

/**
 * What a server action hands back to its form: a stable error code (translated by the client from
 * the `errors` catalogue) and per-field codes, never an exception message.
 */
export type ActionState =
  | { status: "idle" }
  | { status: "ok"; values?: Record<string, string> }
  | { status: "error"; code: string; fields?: Record<string, string>; values?: Record<string, string> };


export function toErrorState(e: unknown): ActionState {
  unstable_rethrow(e); // redirect() and notFound() must keep working inside actions
  if (e instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of e.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
    return { status: "error", code: "VALIDATION_FAILED", fields };
  }
  if (isDomainError(e)) {
    const reason = e.details?.reason;
    if (e.code === "PASSWORD_REJECTED" && typeof reason === "string") return { status: "error", code: `PASSWORD_${reason}` };
    return { status: "error", code: e.code };
  }
  logger.error({ err: e instanceof Error ? e.message : String(e) }, "unexpected error in server action");
  return { status: "error", code: "UNEXPECTED" };
}

/** FormData to a plain object of strings, ready for a zod schema. */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}
