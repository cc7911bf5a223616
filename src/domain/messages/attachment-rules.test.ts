import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_MAX_BYTES,
  checkAttachment,
  contentDisposition,
  FILE_NAME_MAX_LENGTH,
  safeFileName,
  sniffAttachmentType,
} from "./attachment-rules";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffAttachmentType", () => {
  it("recognises PDF and the four image types by their first bytes", () => {
    expect(sniffAttachmentType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffAttachmentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffAttachmentType(bytes("GIF89a"))).toBe("image/gif");
    expect(sniffAttachmentType(bytes("GIF87a"))).toBe("image/gif");
    expect(sniffAttachmentType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses programs, archives, HTML and SVG whatever they are called", () => {
    expect(sniffAttachmentType(bytes("MZ", [0x90, 0]))).toBeNull(); // Windows program
    expect(sniffAttachmentType(bytes([0x7f], "ELF"))).toBeNull();
    expect(sniffAttachmentType(bytes("PK", [3, 4]))).toBeNull(); // zip, docx
    expect(sniffAttachmentType(bytes("<html><script>"))).toBeNull();
    expect(sniffAttachmentType(bytes("<svg xmlns="))).toBeNull();
    expect(sniffAttachmentType(bytes("RIFF", [1, 2, 3, 4], "WAVE"))).toBeNull();
    expect(sniffAttachmentType(bytes(" %PDF-"))).toBeNull(); // the signature must come first
    expect(sniffAttachmentType(bytes("%PD"))).toBeNull();
  });
});

describe("checkAttachment", () => {
  it("accepts a PDF up to 5 MB and names it by its type", () => {
    const pdf = new Uint8Array(ATTACHMENT_MAX_BYTES);
    pdf.set(bytes("%PDF-1.4"));
    const checked = checkAttachment("statement.pdf", pdf);
    expect(checked).toMatchObject({ fileName: "statement.pdf", contentType: "application/pdf", size: ATTACHMENT_MAX_BYTES });
  });

  it("refuses an empty file, one byte over 5 MB, and a program renamed .pdf", () => {
    expect(checkAttachment("a.pdf", new Uint8Array())).toBe("ATTACHMENT_EMPTY");
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(bytes("%PDF-"));
    expect(checkAttachment("a.pdf", big)).toBe("ATTACHMENT_TOO_LARGE");
    expect(checkAttachment("invoice.pdf", bytes("MZ", [0x90, 0, 3, 0]))).toBe("ATTACHMENT_TYPE_REFUSED");
  });
});

describe("safeFileName", () => {
  it("keeps a plain name and gives it the extension of what the bytes are", () => {
    expect(safeFileName("Relevé mars.pdf", "application/pdf")).toBe("Relevé mars.pdf");
    expect(safeFileName("photo.JPEG", "image/jpeg")).toBe("photo.jpg");
    expect(safeFileName("invoice.exe", "application/pdf")).toBe("invoice.exe.pdf");
  });

  it("drops paths, quotes, control characters and leading dots", () => {
    expect(safeFileName("C:\\Users\\me\\..\\scan.png", "image/png")).toBe("scan.png");
    expect(safeFileName('../../etc/"pass\r\nwd".pdf', "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName(".htaccess", "image/gif")).toBe("htaccess.gif");
    expect(safeFileName("", "image/webp")).toBe("attachment.webp");
    expect(safeFileName("...", "image/webp")).toBe("attachment.webp");
  });

  it("always yields a bounded name with the right extension and nothing that breaks a header", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const safe = safeFileName(name, "application/pdf");
        expect(safe.endsWith(".pdf")).toBe(true);
        expect([...safe].length).toBeLessThanOrEqual(FILE_NAME_MAX_LENGTH);
        expect([...safe].filter((c) => c.charCodeAt(0) < 0x20 || `"\\/`.includes(c))).toEqual([]);
      }),
    );
  });
});

describe("contentDisposition", () => {
  it("is always an attachment, with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("Relevé (mars).pdf")).toBe(`attachment; filename="Relev_ (mars).pdf"; filename*=UTF-8''Relev%C3%A9%20%28mars%29.pdf`);
  });
});
