import { z } from "zod";
import { describe, expect, it } from "vitest";
import { receivedFiles } from "./received-files";

const file = (name: string, text: string) => new File([text], name, { type: "application/pdf" });

describe("receivedFiles", () => {
  it("reads the chosen files and skips the empty entry of an input left empty", async () => {
    const form = new FormData();
    form.append("attachments", new File([], "undefined", { type: "application/octet-stream" }));
    form.append("attachments", file("a.pdf", "%PDF-1.4"));
    form.append("body", "hello");
    const files = await receivedFiles(form, "attachments");
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([["a.pdf", "%PDF-1.4"]]);
  });

  it("refuses a fourth file on the field before reading any", async () => {
    const form = new FormData();
    for (const n of [1, 2, 3, 4]) form.append("attachments", file(`${n}.pdf`, "%PDF-"));
    const refusal = await receivedFiles(form, "attachments").catch((e) => e);
    expect(refusal).toBeInstanceOf(z.ZodError);
    expect(refusal.issues[0]).toMatchObject({ path: ["attachments"], params: { code: "TOO_MANY_ATTACHMENTS" } });
  });
});
