import { inflateSync } from "node:zlib";

/**
 * Test helper: the text a PDF made by renderInvoicePdf shows, page by page. It inflates the content
 * streams and decodes the hex strings of Tj/TJ operators as Windows-1252 (the encoding of the
 * built-in Helvetica). Not a general PDF parser.
 */
/** Windows-1252 bytes 0x80-0x9F (Node's decoder may treat them as Latin-1 control characters). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const decodeCp1252 = (bytes: Buffer): string =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? "?") : String.fromCharCode(b))).join("");

export function extractPdfText(pdf: Buffer): string[] {
  const latin = pdf.toString("latin1");
  const pages: string[] = [];
  const streamRe = /<<([^>]*?)>>\s*stream\r?\n/g;
  for (let m = streamRe.exec(latin); m; m = streamRe.exec(latin)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf("endstream", start);
    let body = pdf.subarray(start, end);
    if (/FlateDecode/.test(m[1] ?? "")) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString("latin1");
    if (!/T[Jj]/.test(content)) continue;
    const words: string[] = [];
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? "") : [op[2] ?? ""];
      words.push(hexes.map((h) => decodeCp1252(Buffer.from(h, "hex"))).join(""));
    }
    pages.push(words.join("\n"));
  }
  return pages;
}

export const countPdfPages = (pdf: Buffer): number => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
