import { z } from "zod";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";

/** Free text typed into a search box: trimmed, bounded, and never a NUL byte (PostgreSQL refuses them). */
export const ZSearchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !v.includes("\u0000"), NUL_BYTE_MESSAGE);
