import type { Locale } from "@/domain/i18n/locales";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";

/** English is the reference catalogue: its shape types every key (tests check the others match). */
export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, fr, es };
