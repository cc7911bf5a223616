import PDFDocument from "pdfkit";
import { FONT_BOLD, FONT_REGULAR, printable, registerFonts } from "@/server/pdf/pdf-fonts";

/**
 * Invoice and credit-note PDFs. Everything arrives formatted and translated (this module knows no
 * language), so the PDF says exactly what the page says. Text is drawn in an embedded Unicode font
 * (see pdf-fonts.ts), so any name the app accepts prints as typed.
 */
export interface PdfParty {
  name: string;
  addressLines: string[];
  /** Already labelled, e.g. "RCS Lyon 912 345 678" or "SIREN 912 345 678". */
  registrationNumber?: string | null;
  taxId?: string | null;
  email?: string | null;
  phone?: string | null;
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

export type PdfLabelKey =
  | "title" | "number" | "issueDate" | "dueDate" | "seller" | "buyer" | "description" | "quantity" | "unitPrice"
  | "taxRate" | "net" | "taxBreakdown" | "taxBase" | "taxAmount" | "totalNet" | "totalTax" | "totalGross" | "amountDue"
  | "status" | "correctsInvoice" | "taxId" | "page" | "purchaseOrder" | "reason" | "draft" | "draftNotice" | "paymentDetails";

export interface InvoicePdfData {
  kind: "invoice" | "creditNote" | "purchaseOrder";
  labels: Record<PdfLabelKey, string>;
  /** Null for a draft: it has no number until it is issued. */
  number: string | null;
  draft?: boolean;
  issueDate: string;
  dueDate?: string | null;
  /** Invoices only: a credit note has no status to show. */
  status?: string | null;
  correctsInvoice?: string | null;
  purchaseOrder?: string | null;
  /** Why a credit note was issued. */
  reason?: string | null;
  seller: PdfParty;
  buyer: PdfParty;
  /** PNG or JPEG bytes drawn above the seller. */
  logo?: Buffer | null;
  lines: PdfLine[];
  taxLines: { rate: string; net: string; tax: string }[];
  totals: { net: string; tax: string; gross: string; amountDue?: string | null };
  /** What was already settled, in order, e.g. "Payment received Jan 20, 2026" / "−100,00 €". */
  settlements?: { label: string; amount: string }[];
  notes?: string | null;
  /** A heading over the notes (an order's "Terms"); none for invoices. */
  notesTitle?: string | null;
  /** Bank details and payment instructions, one entry a line. */
  paymentDetails?: string[];
  legalMentions?: string[];
  footer?: string | null;
}

const MARGIN = 50;
const WIDTH = 495;
const COLUMNS = [
  { key: "description", width: 235, align: "left" },
  { key: "quantity", width: 40, align: "right" },
  { key: "unitPrice", width: 80, align: "right" },
  { key: "taxRate", width: 45, align: "right" },
  { key: "net", width: 95, align: "right" },
] as const;

type Doc = PDFKit.PDFDocument;

/** Every string goes through here: font, size, colour, then text the font can draw. */
function write(doc: Doc, text: string, x: number | undefined, y: number | undefined, o: { bold?: boolean; size?: number; color?: string } & PDFKit.Mixins.TextOptions = {}) {
  const { bold, size = 9, color = "#0f172a", ...options } = o;
  doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor(color);
  const s = printable(doc, text);
  if (x === undefined) doc.text(s, options);
  else doc.text(s, x, y, options);
}

function party(doc: Doc, title: string, p: PdfParty, x: number, y: number, taxLabel: string) {
  write(doc, title, x, y, { bold: true, color: "#64748b", width: 230 });
  write(doc, p.name, undefined, undefined, { bold: true, size: 10, width: 230 });
  const rest = [...p.addressLines, p.registrationNumber, p.taxId ? `${taxLabel} ${p.taxId}` : null, p.email, p.phone];
  for (const l of rest) if (l) write(doc, l, undefined, undefined, { width: 230 });
}

function tableHeader(doc: Doc, labels: InvoicePdfData["labels"], y: number): number {
  let x = MARGIN;
  for (const c of COLUMNS) {
    write(doc, labels[c.key], x, y, { bold: true, size: 8, color: "#475569", width: c.width, align: c.align });
    x += c.width;
  }
  doc.moveTo(MARGIN, y + 12).lineTo(MARGIN + WIDTH, y + 12).strokeColor("#cbd5e1").stroke();
  return y + 18;
}

function lineRow(doc: Doc, line: PdfLine, y: number): number {
  const first = COLUMNS[0];
  write(doc, line.description, MARGIN, y, { width: first.width });
  let bottom = doc.y;
  if (line.period) {
    write(doc, line.period, MARGIN, bottom, { size: 8, color: "#64748b", width: first.width });
    bottom = doc.y;
  }
  let x = MARGIN + first.width;
  for (const c of COLUMNS.slice(1)) {
    write(doc, line[c.key], x, y, { width: c.width, align: c.align });
    x += c.width;
  }
  return Math.max(bottom, doc.y) + 6;
}

function keyValue(doc: Doc, label: string, value: string, y: number, bold = false): number {
  const size = bold ? 10 : 9;
  write(doc, label, 270, y, { bold, size, width: 185 });
  const labelBottom = doc.y;
  write(doc, value, 455, y, { bold, size, width: 90, align: "right" });
  return Math.max(labelBottom, doc.y) + 2;
}

/** A draft must never pass for an invoice: a diagonal watermark on every page. */
function draftWatermark(doc: Doc, text: string) {
  doc.save();
  doc.fillOpacity(0.12); // write() sets the colour only, so the opacity holds until restore()
  doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
  // Wider than the page so pdfkit never breaks the word; the rotation keeps it on the sheet.
  write(doc, text, -150, doc.page.height / 2 - 40, { bold: true, size: 80, color: "#dc2626", width: doc.page.width + 300, align: "center", lineBreak: false });
  doc.restore();
}

/** Starts a new page when fewer than `height` points are left above the footer. */
function room(doc: Doc, y: number, height: number): number {
  if (y + height <= doc.page.height - MARGIN - 40) return y;
  doc.addPage();
  return MARGIN;
}

function taxBreakdown(doc: Doc, data: InvoicePdfData, y: number): number {
  const L = data.labels;
  write(doc, L.taxBreakdown, MARGIN, y, { bold: true });
  const cols = [
    { text: L.taxRate, x: MARGIN, width: 45, align: "left" as const },
    { text: L.taxBase, x: MARGIN + 45, width: 80, align: "right" as const },
    { text: L.taxAmount, x: MARGIN + 125, width: 80, align: "right" as const },
  ];
  let ty = y + 14;
  for (const c of cols) write(doc, c.text, c.x, ty, { bold: true, size: 8, color: "#475569", width: c.width, align: c.align });
  ty += 12;
  for (const g of data.taxLines) {
    [g.rate, g.net, g.tax].forEach((v, i) => {
      const c = cols[i];
      if (c) write(doc, v, c.x, ty, { width: c.width, align: c.align });
    });
    ty += 13;
  }
  return ty;
}

function totals(doc: Doc, data: InvoicePdfData, y: number): number {
  const L = data.labels;
  let ky = keyValue(doc, L.totalNet, data.totals.net, y);
  ky = keyValue(doc, L.totalTax, data.totals.tax, ky);
  ky = keyValue(doc, L.totalGross, data.totals.gross, ky, true);
  for (const s of data.settlements ?? []) ky = keyValue(doc, s.label, s.amount, ky);
  if (data.totals.amountDue) {
    doc.moveTo(270, ky + 1).lineTo(MARGIN + WIDTH, ky + 1).strokeColor("#94a3b8").stroke();
    ky = keyValue(doc, L.amountDue, data.totals.amountDue, ky + 4, true);
  }
  return ky;
}

/** Notes, then how to pay, then the legal mentions, each only when there is something to say. */
function closingBlocks(doc: Doc, data: InvoicePdfData, y: number) {
  if (data.notes) {
    y = room(doc, y, 30);
    if (data.notesTitle) {
      write(doc, data.notesTitle, MARGIN, y, { bold: true });
      y = doc.y + 2;
    }
    write(doc, data.notes, MARGIN, y, { size: 8, color: "#475569", width: WIDTH });
    y = doc.y + 12;
  }
  if (data.paymentDetails?.length) {
    y = room(doc, y, 20 + data.paymentDetails.length * 11);
    write(doc, data.labels.paymentDetails, MARGIN, y, { bold: true });
    for (const l of data.paymentDetails) write(doc, l, undefined, undefined, { size: 8.5, width: WIDTH });
    y = doc.y + 12;
  }
  for (const m of data.legalMentions ?? []) {
    y = room(doc, y, 22);
    write(doc, m, MARGIN, y, { size: 7.5, color: "#64748b", width: WIDTH });
    y = doc.y + 3;
  }
}

export function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const title = data.draft ? `${data.labels.title} — ${data.labels.draft}` : `${data.labels.title} ${data.number ?? ""}`.trim();
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, info: { Title: title, Author: data.seller.name } });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const L = data.labels;

  let top = MARGIN;
  if (data.logo) {
    doc.image(data.logo, MARGIN, MARGIN, { fit: [160, 48] });
    top = MARGIN + 60;
  }
  party(doc, L.seller, data.seller, MARGIN, top, L.taxId);
  const sellerBottom = doc.y;
  party(doc, L.buyer, data.buyer, 315, top, L.taxId);
  let y = Math.max(doc.y, sellerBottom, 150) + 20;
  write(doc, title, MARGIN, y, { bold: true, size: 18, color: data.draft ? "#b91c1c" : "#312e81" });
  if (data.draft) write(doc, L.draftNotice, undefined, undefined, { bold: true, color: "#b91c1c" });
  const meta = [`${L.issueDate} : ${data.issueDate}`, data.dueDate ? `${L.dueDate} : ${data.dueDate}` : null, data.status ? `${L.status} : ${data.status}` : null];
  write(doc, meta.filter(Boolean).join("    "), undefined, undefined, { color: "#334155" });
  if (data.purchaseOrder) write(doc, `${L.purchaseOrder} : ${data.purchaseOrder}`, undefined, undefined, { color: "#334155" });
  if (data.correctsInvoice) write(doc, `${L.correctsInvoice} ${data.correctsInvoice}`, undefined, undefined, { color: "#334155" });
  if (data.reason) write(doc, `${L.reason} : ${data.reason}`, undefined, undefined, { color: "#334155", width: WIDTH });
  y = tableHeader(doc, L, doc.y + 14);

  for (const line of data.lines) {
    if (y > doc.page.height - MARGIN - 70) {
      doc.addPage();
      y = tableHeader(doc, L, MARGIN);
    }
    y = lineRow(doc, line, y);
  }
  const settlements = data.settlements?.length ?? 0;
  y = room(doc, y + 8, 90 + Math.max(data.taxLines.length * 13, settlements * 13 + 20));
  const ty = taxBreakdown(doc, data, y);
  const ky = totals(doc, data, y);
  closingBlocks(doc, data, Math.max(ty, ky) + 18);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
    if (data.draft) draftWatermark(doc, L.draft);
    const footerY = doc.page.height - MARGIN + 10;
    if (data.footer) write(doc, data.footer, MARGIN, footerY, { size: 7.5, color: "#64748b", width: 380, lineBreak: false, ellipsis: true });
    const pageText = `${data.number ? `${data.number} · ` : ""}${L.page} ${i + 1} / ${range.count}`;
    write(doc, pageText, MARGIN + 380, footerY, { size: 8, color: "#64748b", width: WIDTH - 380, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
