import { describe, expect, it } from "vitest";
import { csvCell, csvDialectFor, minorToDecimalString, toCsv } from "./csv";

describe("csv", () => {
  it("quotes separators and quotes, and defuses formulas", () => {
    expect(csvCell('Say "hi", then')).toBe('"Say ""hi"", then"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(toCsv(["a", "b"], [["1", null]])).toBe("a,b\r\n1,\r\n");
  });
  it("writes minor units as decimals", () => {
    expect(minorToDecimalString(123456, 2)).toBe("1234.56");
    expect(minorToDecimalString(-5, 2)).toBe("-0.05");
    expect(minorToDecimalString(1500, 0)).toBe("1500");
  });
  it("writes what a French or Spanish spreadsheet expects: ';' and a decimal comma", () => {
    expect(csvDialectFor("fr")).toEqual({ separator: ";", decimal: ",", bom: true });
    expect(csvDialectFor("es-ES")).toEqual({ separator: ";", decimal: ",", bom: true });
    expect(csvDialectFor("en")).toEqual({ separator: ",", decimal: ".", bom: true });
    expect(minorToDecimalString(123456, 2, ",")).toBe("1234,56");
    expect(toCsv(["a", "b"], [["1,5", "x;y"]], ";")).toBe('a;b\r\n1,5;"x;y"\r\n');
  });
});
