import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The PDFs' typeface: DejaVu Sans, TrueType files shipped by the `dejavu-fonts-ttf` npm package,
 * embedded as subsets by pdfkit. It covers Latin (Łódź, İstanbul), Greek and Cyrillic, which the
 * built-in Helvetica (Windows-1252 only) printed as "?". Nothing is fetched at run time.
 *
 * The files are read from node_modules under the working directory rather than through
 * `require.resolve`, which Next's server bundler rewrites to module ids.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

export const FONT_REGULAR = "Body";
export const FONT_BOLD = "Body-Bold";

let cache: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles() {
  cache ??= {
    regular: readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  };
  return cache;
}

/** Registers the two faces on a new document and selects the regular one. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const files = fontFiles();
  doc.registerFont(FONT_REGULAR, files.regular);
  doc.registerFont(FONT_BOLD, files.bold);
  doc.font(FONT_REGULAR);
}

/** What pdfkit keeps of the current font; `font` is the fontkit face (not in @types/pdfkit). */
interface EmbeddedFace {
  font?: { hasGlyphForCodePoint(cp: number): boolean };
}

/** Shown instead of a character the font cannot draw (emoji, most CJK): visible, never a silent "?". */
export const MISSING_GLYPH = "\uFFFD";

/**
 * Replaces characters without a glyph in the current font by U+FFFD, and the narrow/no-break
 * spaces of Intl's number formats by a no-break space DejaVu has. Control characters are dropped.
 */
export function printable(doc: PDFKit.PDFDocument, text: string): string {
  const face = (doc as unknown as { _font?: EmbeddedFace })._font?.font;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "\n") out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    else if (!face || face.hasGlyphForCodePoint(cp)) out += ch;
    else out += MISSING_GLYPH;
  }
  return out;
}
