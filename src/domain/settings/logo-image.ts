/**
 * Logo uploads are recognised by their bytes, never by file name or the browser's content type:
 * only PNG and JPEG, which pdfkit can draw and browsers show, up to LOGO_MAX_BYTES.
 */
export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoMimeType = "image/png" | "image/jpeg";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffLogoType(bytes: Uint8Array): LogoMimeType | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return "image/png";
  // JPEG: SOI marker then any marker segment; a file must also end with EOI to be complete.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9) return "image/jpeg";
  return null;
}

export type LogoCheck = { ok: true; mimeType: LogoMimeType } | { ok: false; reason: "EMPTY" | "TOO_LARGE" | "NOT_AN_IMAGE" };

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, reason: "EMPTY" };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, reason: "TOO_LARGE" };
  const mimeType = sniffLogoType(bytes);
  return mimeType ? { ok: true, mimeType } : { ok: false, reason: "NOT_AN_IMAGE" };
}
