import { z } from "zod";
import type { ReceivedFile } from "@/contracts/messages";
import { ATTACHMENTS_PER_MESSAGE_MAX } from "@/domain/messages/attachment-rules";

/**
 * The files of a form's file input, read into memory for the schema to check. An input left empty
 * still sends one empty file (nameless, or named "undefined" by the multipart parser): an empty file
 * carries nothing, so it is never an attachment. Too many files are refused before
 * any is read; the body size limit (next.config.js) bounds what can arrive at all.
 */
export async function receivedFiles(form: FormData, field: string): Promise<ReceivedFile[]> {
  const files = form.getAll(field).filter((v): v is File => typeof v !== "string" && v.size > 0);
  if (files.length > ATTACHMENTS_PER_MESSAGE_MAX) {
    throw new z.ZodError([{ code: "custom", path: [field], message: "too many files", params: { code: "TOO_MANY_ATTACHMENTS" }, input: undefined }]);
  }
  return Promise.all(files.map(async (f) => ({ name: f.name.slice(0, 255), bytes: new Uint8Array(await f.arrayBuffer()) })));
}
