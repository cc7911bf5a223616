import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES, sniffLogoType } from "./logo-image";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0xff, 0xd9]);

describe("logo images", () => {
  it("recognises PNG and JPEG by their bytes", () => {
    expect(sniffLogoType(png)).toBe("image/png");
    expect(sniffLogoType(jpeg)).toBe("image/jpeg");
  });

  it("refuses a text file, an SVG or a GIF whatever it is called", () => {
    expect(checkLogo(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toEqual({ ok: false, reason: "NOT_AN_IMAGE" });
    expect(checkLogo(new TextEncoder().encode("GIF89a...."))).toEqual({ ok: false, reason: "NOT_AN_IMAGE" });
    expect(checkLogo(jpeg.subarray(0, 6))).toEqual({ ok: false, reason: "NOT_AN_IMAGE" }); // truncated JPEG
  });

  it("refuses empty and oversized files", () => {
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, reason: "EMPTY" });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toEqual({ ok: false, reason: "TOO_LARGE" });
    expect(checkLogo(big.subarray(0, LOGO_MAX_BYTES))).toEqual({ ok: true, mimeType: "image/png" });
  });
});
