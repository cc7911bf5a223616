import { isDomainError } from "./domain-error";

/** For tests: the DomainError code a call throws, or "OK" when it returns. */
export function errorCodeOf(f: () => unknown): string {
  try {
    f();
    return "OK";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}
