/**
 * Attachments to secure messages (ADR 0020): PDF and images only, recognised by their first bytes
 * (a renamed program stays a program whatever its name says), at most 5 MB each and 3 per message.
 */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_MESSAGE_MAX = 3;
export const FILE_NAME_MAX_LENGTH = 120;

export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** For the file input's `accept`: a hint to the browser's picker only; the bytes decide. */
export const ATTACHMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/png,image/jpeg,image/gif,image/webp";

const EXTENSIONS: Record<AttachmentType, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the file's first bytes announce, or null when it is none of the allowed ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

export type AttachmentRefusal = "ATTACHMENT_EMPTY" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_REFUSED" | "TOO_MANY_ATTACHMENTS";

export interface CheckedAttachment {
  fileName: string;
  contentType: AttachmentType;
  size: number;
  bytes: Uint8Array;
}

/** One file as received: its size is checked before its bytes are looked at. */
export function checkAttachment(name: string, bytes: Uint8Array): CheckedAttachment | AttachmentRefusal {
  if (bytes.length === 0) return "ATTACHMENT_EMPTY";
  if (bytes.length > ATTACHMENT_MAX_BYTES) return "ATTACHMENT_TOO_LARGE";
  const contentType = sniffAttachmentType(bytes);
  if (!contentType) return "ATTACHMENT_TYPE_REFUSED";
  return { fileName: safeFileName(name, contentType), contentType, size: bytes.length, bytes };
}

/** Control characters and those that quote or split a header or a path on some system. */
function unsafeInName(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || `"*:<>?|;\\`.includes(c);
}

/**
 * A name that is safe to store, show and send back in Content-Disposition: no path, no control or
 * quoting characters, bounded, and ending with the extension of the type the bytes were found to
 * be (a PDF named "invoice.exe" is served as "invoice.exe.pdf", never as a program).
 */
export function safeFileName(name: string, contentType: AttachmentType): string {
  const base = [...(name.split(/[\\/]/).pop() ?? "").normalize("NFC")]
    .filter((c) => !unsafeInName(c))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const extension = EXTENSIONS[contentType];
  const alreadyRight = new RegExp(`\\.${extension === "jpg" ? "jpe?g" : extension}$`, "i").test(base);
  const stem = (alreadyRight ? base.replace(/\.[^.]+$/, "") : base) || "attachment";
  const room = FILE_NAME_MAX_LENGTH - extension.length - 1;
  return `${[...stem].slice(0, room).join("").trim() || "attachment"}.${extension}`;
}

/**
 * The Content-Disposition of a download: always `attachment` (never shown inline on our origin),
 * an ASCII fallback name and the real one in RFC 5987 encoding.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
