/**
 * PostgreSQL cannot store a NUL byte in text, so one reaching a query is a 500. Every edge (API body,
 * query and path, form fields, search parameters) checks its raw input with this before parsing.
 * Returns the path of every string (or object key) holding a NUL byte, e.g. ["lines", 0, "description"].
 */
export function nulBytePaths(
  value: unknown,
  path: (string | number)[] = [],
  found: (string | number)[][] = [],
): (string | number)[][] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulBytePaths(v, [...path, i], found);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) found.push([...path, k]);
      else nulBytePaths(v, [...path, k], found);
    }
  }
  return found;
}

export const NUL_BYTE_MESSAGE = "must not contain NUL bytes (U+0000)";
