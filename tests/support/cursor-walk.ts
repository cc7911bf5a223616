import { expect } from "vitest";
import { type CursorPage, type PageRequest, pageLinks } from "@/domain/shared/cursor-page";

/**
 * Walks a cursor list as its screen links do: forwards with each page's "next" link to the last page,
 * then backwards from there with the "previous" links to the top. `between` runs between any two
 * reads (to insert rows while someone pages). Returns the ids seen each way, in list order.
 */
export async function walkBothWays<T>(
  read: (req: PageRequest) => Promise<CursorPage<T>>,
  idOf: (item: T) => string,
  limit: number,
  between?: (step: number) => Promise<void>,
): Promise<{ forward: string[]; backward: string[] }> {
  const forward: string[] = [];
  let step = 0;
  let page = await read({ limit });
  for (;;) {
    expect(page.cursorFound).toBe(true);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    forward.push(...page.items.map(idOf));
    const { next } = pageLinks(page, idOf);
    if (!next) break;
    if (step++ > 1_000) throw new Error("no last page");
    await between?.(step);
    page = await read({ limit, after: next });
  }
  const backward = page.items.map(idOf);
  for (;;) {
    const { previous } = pageLinks(page, idOf);
    if (!previous) break;
    if (step++ > 2_000) throw new Error("no first page");
    await between?.(step);
    page = await read({ limit, before: previous });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    backward.unshift(...page.items.map(idOf));
  }
  return { forward, backward };
}

/**
 * The test every list passes: walked both ways with rows added at the top of the list between pages,
 * each row shows up once, in list order; forwards the list as it was when the walk started (rows
 * added above the cursor never shift a page), backwards the list as it is at the end (the top is read
 * last, so what was added there shows).
 */
export async function expectStableWalk<T>(opts: {
  read: (req: PageRequest) => Promise<CursorPage<T>>;
  idOf: (item: T) => string;
  limit: number;
  /** Adds a row that sorts first in this list. */
  addAtTop: () => Promise<unknown>;
}): Promise<string[]> {
  const whole = async () => (await opts.read({ limit: 100 })).items.map(opts.idOf);
  const before = await whole();
  expect(before.length).toBeGreaterThan(2 * opts.limit);
  const { forward, backward } = await walkBothWays(opts.read, opts.idOf, opts.limit, async () => {
    await opts.addAtTop();
  });
  expect(forward).toEqual(before);
  const after = await whole();
  expect(after.length).toBeGreaterThan(before.length);
  expect(after.slice(after.length - before.length)).toEqual(before);
  expect(new Set(backward).size).toBe(backward.length);
  expect(backward).toEqual(after);
  return after;
}

/** Instants a minute apart after `start`, each later than the one before: what rows added "now" get. */
export function minuteClock(start: string): () => Date {
  let at = Date.parse(start);
  return () => {
    at += 60_000;
    return new Date(at);
  };
}
