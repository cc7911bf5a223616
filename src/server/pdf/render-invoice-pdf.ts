import PDFDocument from "pdfkit";

/**
 * Invoice and credit-note PDFs. Everything arrives formatted and translated (this module knows no
 * language), so the PDF says exactly what the page says.
 *
 * Font: pdfkit's built-in Helvetica, encoded as WinAnsi (Windows-1252), which covers French and
 * Spanish (é è ç ñ ¿ ¡ ü €, – —). Intl's number formatting uses U+202F / U+00A0 spaces, which WinAnsi
 * lacks: they become plain spaces; anything else outside Windows-1252 becomes "?" rather than a
 * silently wrong glyph. No font file is loaded from the network or shipped.
 */
export interface PdfParty {
  name: string;
  addressLines: string[];
  taxId?: string | null;
  email?: string | null;
}

export interface PdfLine {
  description: string;
  quantity: string;
  unitPrice: string;
  net: string;
  taxRate: string;
  /** The whole period text, e.g. "Service period: Jan 1, 2026 – Jan 31, 2026". */
  period?: string | null;
}

export interface InvoicePdfData {
  kind: "invoice" | "creditNote";
  labels: Record<
    | "title" | "number" | "issueDate" | "dueDate" | "seller" | "buyer" | "description" | "quantity" | "unitPrice"
    | "taxRate" | "net" | "taxBreakdown" | "totalNet" | "totalTax" | "totalGross" | "amountDue" | "status" | "correctsInvoice" | "taxId" | "page",
    string
  >;
  number: string;
  issueDate: string;
  dueDate?: string | null;
  status: string;
  correctsInvoice?: string | null;
  seller: PdfParty;
  buyer: PdfParty;
  lines: PdfLine[];
  taxLines: { rate: string; net: string; tax: string }[];
  totals: { net: string; tax: string; gross: string; amountDue?: string | null };
  notes?: string | null;
}

const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
/** Keeps what Windows-1252 can print; see the note at the top. */
export function toWinAnsi(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ").replace(/[^\u0020-\u00ff\n]/g, (c) => (WIN_ANSI_EXTRA.includes(c) ? c : "?"));
}

const MARGIN = 50;
const COLUMNS = [
  { key: "description", width: 235, align: "left" },
  { key: "quantity", width: 40, align: "right" },
  { key: "unitPrice", width: 80, align: "right" },
  { key: "taxRate", width: 45, align: "right" },
  { key: "net", width: 95, align: "right" },
] as const;

function party(doc: PDFKit.PDFDocument, title: string, p: PdfParty, x: number, y: number, taxLabel: string) {
  doc.font("Helvetica-Bold").fontSize(9).fillColor("#64748b").text(toWinAnsi(title), x, y, { width: 230 });
  doc.font("Helvetica-Bold").fontSize(10).fillColor("#0f172a").text(toWinAnsi(p.name), { width: 230 });
  doc.font("Helvetica").fontSize(9);
  for (const l of p.addressLines) doc.text(toWinAnsi(l), { width: 230 });
  if (p.taxId) doc.text(toWinAnsi(`${taxLabel} ${p.taxId}`), { width: 230 });
  if (p.email) doc.text(toWinAnsi(p.email), { width: 230 });
}

function tableHeader(doc: PDFKit.PDFDocument, labels: InvoicePdfData["labels"], y: number): number {
  let x = MARGIN;
  doc.font("Helvetica-Bold").fontSize(8).fillColor("#475569");
  for (const c of COLUMNS) {
    doc.text(toWinAnsi(labels[c.key]), x, y, { width: c.width, align: c.align });
    x += c.width;
  }
  doc.moveTo(MARGIN, y + 12).lineTo(MARGIN + 495, y + 12).strokeColor("#cbd5e1").stroke();
  return y + 18;
}

function lineRow(doc: PDFKit.PDFDocument, line: PdfLine, y: number): number {
  doc.font("Helvetica").fontSize(9).fillColor("#0f172a");
  const first = COLUMNS[0];
  doc.text(toWinAnsi(line.description), MARGIN, y, { width: first.width });
  let bottom = doc.y;
  if (line.period) {
    doc.fontSize(8).fillColor("#64748b").text(toWinAnsi(line.period), MARGIN, bottom, { width: first.width });
    bottom = doc.y;
  }
  let x = MARGIN + first.width;
  doc.fontSize(9).fillColor("#0f172a");
  for (const c of COLUMNS.slice(1)) {
    doc.text(toWinAnsi(line[c.key]), x, y, { width: c.width, align: c.align });
    x += c.width;
  }
  return Math.max(bottom, doc.y) + 6;
}

function keyValue(doc: PDFKit.PDFDocument, label: string, value: string, y: number, bold = false): number {
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 10 : 9).fillColor("#0f172a");
  doc.text(toWinAnsi(label), 330, y, { width: 120 });
  doc.text(toWinAnsi(value), 450, y, { width: 95, align: "right" });
  return y + (bold ? 15 : 13);
}

export function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: data.number, Author: data.seller.name } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const L = data.labels;
  const bottomLimit = doc.page.height - MARGIN - 40;

  party(doc, L.seller, data.seller, MARGIN, MARGIN, L.taxId);
  party(doc, L.buyer, data.buyer, 315, MARGIN, L.taxId);
  let y = Math.max(doc.y, 150) + 20;
  doc.font("Helvetica-Bold").fontSize(18).fillColor("#312e81").text(toWinAnsi(`${L.title} ${data.number}`), MARGIN, y);
  doc.font("Helvetica").fontSize(9).fillColor("#334155");
  doc.text(toWinAnsi(`${L.issueDate} : ${data.issueDate}${data.dueDate ? `    ${L.dueDate} : ${data.dueDate}` : ""}    ${L.status} : ${data.status}`));
  if (data.correctsInvoice) doc.text(toWinAnsi(`${L.correctsInvoice} ${data.correctsInvoice}`));
  y = tableHeader(doc, L, doc.y + 14);

  for (const line of data.lines) {
    if (y > bottomLimit - 30) {
      doc.addPage();
      y = tableHeader(doc, L, MARGIN);
    }
    y = lineRow(doc, line, y);
  }
  if (y > bottomLimit - 140) {
    doc.addPage();
    y = MARGIN;
  }
  y += 8;
  doc.font("Helvetica-Bold").fontSize(9).fillColor("#0f172a").text(toWinAnsi(L.taxBreakdown), MARGIN, y);
  let ty = y + 14;
  doc.font("Helvetica").fontSize(9);
  for (const g of data.taxLines) {
    doc.text(toWinAnsi(g.rate), MARGIN, ty, { width: 60 });
    doc.text(toWinAnsi(g.net), MARGIN + 60, ty, { width: 90, align: "right" });
    doc.text(toWinAnsi(g.tax), MARGIN + 150, ty, { width: 90, align: "right" });
    ty += 13;
  }
  let ky = keyValue(doc, L.totalNet, data.totals.net, y);
  ky = keyValue(doc, L.totalTax, data.totals.tax, ky);
  ky = keyValue(doc, L.totalGross, data.totals.gross, ky, true);
  if (data.totals.amountDue) ky = keyValue(doc, L.amountDue, data.totals.amountDue, ky, true);
  if (data.notes) doc.font("Helvetica").fontSize(8).fillColor("#475569").text(toWinAnsi(data.notes), MARGIN, Math.max(ty, ky) + 16, { width: 495 });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
    doc.font("Helvetica").fontSize(8).fillColor("#64748b");
    doc.text(toWinAnsi(`${data.number} · ${L.page} ${i + 1} / ${range.count}`), MARGIN, doc.page.height - MARGIN + 10, { width: 495, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
