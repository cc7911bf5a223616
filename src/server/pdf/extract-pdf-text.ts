import { inflateSync } from "node:zlib";

/**
 * Test helper: the text a PDF made by renderInvoicePdf shows, page by page. Embedded TrueType
 * fonts write glyph ids, so each font's ToUnicode CMap is read and the content streams' hex strings
 * are decoded through the CMap of the font selected by the last `Tf`. A font without a CMap (the
 * built-in Helvetica) is decoded as Windows-1252. Not a general PDF parser.
 */
/** Windows-1252 bytes 0x80-0x9F (Node's decoder may treat them as Latin-1 control characters). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const decodeCp1252 = (bytes: Buffer): string =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? "?") : String.fromCharCode(b))).join("");

type CMap = Map<number, string>;

/** Every `N 0 obj ... endobj` with its raw bytes' start and end. */
function objects(pdf: Buffer, latin: string): Map<number, { dict: string; stream: Buffer | null }> {
  const out = new Map<number, { dict: string; stream: Buffer | null }>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf("endobj", start);
    const body = latin.slice(start, end);
    const s = body.match(/>>\s*stream\r?\n/);
    let stream: Buffer | null = null;
    if (s?.index !== undefined) {
      const from = start + s.index + s[0].length;
      stream = pdf.subarray(from, latin.indexOf("endstream", from));
      if (/FlateDecode/.test(body.slice(0, s.index))) {
        try {
          stream = inflateSync(stream);
        } catch {
          stream = null;
        }
      }
    }
    out.set(Number(m[1]), { dict: s?.index !== undefined ? body.slice(0, s.index) : body, stream });
    re.lastIndex = end;
  }
  return out;
}

/** A CMap destination: UTF-16BE hex, where whitespace is allowed (a ligature "ff" is `<0066 0066>`). */
const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ""), "hex").swap16().toString("utf16le");

function parseCMap(text: string): CMap {
  const map: CMap = new Map();
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of (block[1] ?? "").matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f\s]+>)/gi)) {
      const from = Number.parseInt(r[1] ?? "0", 16);
      const to = Number.parseInt(r[2] ?? "0", 16);
      const dest = r[3] ?? "";
      if (dest.startsWith("[")) {
        let code = from;
        // pdfkit writes one entry per glyph: `<>` for a glyph with no text, `<0066 0069>` for a
        // ligature (fi); skipping either would shift every later glyph of the range.
        for (const d of dest.matchAll(/<([0-9a-f\s]*)>/gi)) map.set(code++, utf16((d[1] ?? "").replace(/\s+/g, "")));
      } else {
        const base = Number.parseInt(dest.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCodePoint(base + c - from));
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of (block[1] ?? "").matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) map.set(Number.parseInt(r[1] ?? "0", 16), utf16(r[2] ?? ""));
  }
  return map;
}

/** Resource name (F1, F2…) → the ToUnicode CMap of that font, when it has one. */
function fontCMaps(objs: ReturnType<typeof objects>, latin: string): Map<string, CMap> {
  const byName = new Map<string, CMap>();
  for (const r of latin.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objs.get(Number(r[2]));
    const toUnicode = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
    const stream = toUnicode ? objs.get(Number(toUnicode[1]))?.stream : null;
    if (stream && r[1]) byName.set(r[1], parseCMap(stream.toString("latin1")));
  }
  return byName;
}

function decode(hex: string, cmap: CMap | undefined): string {
  if (!cmap) return decodeCp1252(Buffer.from(hex, "hex"));
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "";
  return s;
}

export function extractPdfText(pdf: Buffer): string[] {
  const latin = pdf.toString("latin1");
  const objs = objects(pdf, latin);
  const cmaps = fontCMaps(objs, latin);
  const pages: string[] = [];
  for (const { stream } of objs.values()) {
    if (!stream) continue;
    const content = stream.toString("latin1");
    if (!/T[Jj]\s/.test(content) || !/\bBT\b/.test(content)) continue;
    const words: string[] = [];
    let cmap: CMap | undefined;
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) {
        cmap = cmaps.get(op[1]);
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? "") : [op[3] ?? ""];
      words.push(hexes.map((h) => decode(h, cmap)).join(""));
    }
    pages.push(words.join("\n"));
  }
  return pages;
}

export const countPdfPages = (pdf: Buffer): number => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
