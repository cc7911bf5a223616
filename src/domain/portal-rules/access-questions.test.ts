import { describe, expect, it } from "vitest";
import { type AccessQuestion, questionLabel, readAccessQuestions } from "./access-questions";

describe("readAccessQuestions", () => {
  it("keeps well-formed questions and drops the rest", () => {
    const stored = [
      { id: "q-1", label: { en: "How many sites?", fr: "Combien de sites ?", es: "" }, required: true },
      { id: "q-1", label: { en: "duplicate id" }, required: false },
      { id: "BAD ID", label: { en: "x" } },
      { id: "q-2", label: { de: "nein" } },
      "not an object",
      { id: "q-3", label: { fr: "Seulement en français" }, required: "yes" },
    ];
    expect(readAccessQuestions(stored)).toEqual([
      { id: "q-1", label: { en: "How many sites?", fr: "Combien de sites ?" }, required: true },
      { id: "q-3", label: { fr: "Seulement en français" }, required: false },
    ]);
  });

  it("reads anything that is not an array as no questions", () => {
    expect(readAccessQuestions({})).toEqual([]);
    expect(readAccessQuestions(null)).toEqual([]);
  });

  it("falls back to English, then to any label", () => {
    const q = readAccessQuestions([{ id: "a", label: { en: "Hello", fr: "Bonjour" } }])[0] as AccessQuestion;
    expect(questionLabel(q, "fr")).toBe("Bonjour");
    expect(questionLabel(q, "es")).toBe("Hello");
    const onlyFr = readAccessQuestions([{ id: "b", label: { fr: "Bonjour" } }])[0] as AccessQuestion;
    expect(questionLabel(onlyFr, "es")).toBe("Bonjour");
  });
});
