import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, keysetPage } from "./keyset-cursor";

describe("keysetPage", () => {
  it("shows at most `take` rows, and a next cursor exactly when an extra row was fetched", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 21 }), (take, fetched) => {
        const rows = Array.from({ length: Math.min(fetched, take + 1) }, (_, i) => ({ day: `2026-01-${String(28 - i).padStart(2, "0")}`, id: `r${i}` }));
        const page = keysetPage(rows, take, (r) => ({ key: r.day, id: r.id }), (r) => r.id);
        expect(page.items).toEqual(rows.slice(0, take).map((r) => r.id));
        if (rows.length > take) expect(decodeCursor(page.next ?? "", /.+/, /.+/)).toEqual({ key: rows[take - 1]?.day, id: rows[take - 1]?.id });
        else expect(page.next).toBeNull();
      }),
    );
  });
});
