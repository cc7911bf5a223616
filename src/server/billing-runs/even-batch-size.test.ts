import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evenBatchSize } from "@/server/billing-runs/execute-billing-run";

describe("the billing run's batch size", () => {
  it("cuts the candidates into as few batches as the maximum allows, as even as can be", () => {
    expect(evenBatchSize(1651)).toBe(826);
    expect(evenBatchSize(1000)).toBe(1000);
    expect(evenBatchSize(1001)).toBe(501);
    expect(evenBatchSize(0)).toBe(1000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 5000 }), (count, most) => {
        const size = evenBatchSize(count, most);
        const batches = Math.ceil(count / size);
        expect(size).toBeLessThanOrEqual(most);
        expect(batches).toBe(Math.ceil(count / most)); // no more batches than the maximum size needs
        expect(count - (batches - 1) * size).toBeGreaterThan(size - batches); // the last one is nearly full
      }),
    );
  });
});
