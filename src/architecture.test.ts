import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layer table of docs/ARCHITECTURE.md, checked on the sources: the domain is pure, contracts
 * build on zod and the domain only, and components never reach into server code or Prisma, not even
 * for a type (DTOs live in src/contracts). biome.json's noRestrictedImports says the same in the
 * editor; this test also follows relative paths and dynamic imports.
 */
const SRC = path.resolve("src");

/** Every module a file names: static, type-only, re-exports, dynamic imports and requires. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The src/ folder a specifier lands in ("server", "domain"...), or null for a package. */
function srcFolderOf(file: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("@/")) target = path.join(SRC, specifier.slice(2));
  else if (specifier.startsWith(".")) target = path.resolve(path.dirname(file), specifier);
  else return null;
  const rel = path.relative(SRC, target);
  if (rel.startsWith("..")) return "outside-src";
  return rel.split(path.sep)[0] ?? null;
}

const packageName = (s: string) =>
  s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : (s.split("/")[0] ?? s);
const isTestSupport = (file: string) =>
  /\.test\.tsx?$/.test(file) || /(^|\/)test-[\w-]+\.ts$/.test(file) || file.endsWith("/testing.ts");

/** What a file imports that its layer forbids, as "file -> specifier". */
function violations(folder: string, allowed: (file: string, specifier: string) => boolean): string[] {
  return filesUnder(path.join(SRC, folder)).flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .filter((s) => !allowed(file, s))
      .map((s) => `${path.relative(SRC, file)} -> ${s}`),
  );
}

const FRAMEWORK_OR_DATABASE =
  /^(next|next-auth|next-intl|react|react-dom|@prisma\/.*|prisma|pg|server-only)$/;

describe("layers", () => {
  it("reads every kind of import a file can name", () => {
    const sample = [
      'import a from "a";',
      'import type { B } from "@/server/b";',
      'export { c } from "./c";',
      'const d = await import("@/generated/d");',
      'const text = "from \\"not-an-import\\"";',
    ].join("\n");
    expect(importsOf(sample)).toEqual(["a", "@/server/b", "./c", "@/generated/d"]);
    expect(filesUnder(path.join(SRC, "components")).length).toBeGreaterThan(10);
  });

  it("the domain imports other domain files only (tests may add their tools, never a framework)", () => {
    const bad = violations("domain", (file, s) => {
      const folder = srcFolderOf(file, s);
      if (folder !== null)
        return folder === "domain" || (isTestSupport(file) && s.startsWith("@/i18n/messages/"));
      if (FRAMEWORK_OR_DATABASE.test(packageName(s)) || packageName(s) === "zod") return false;
      return isTestSupport(file) && (s === "vitest" || s === "fast-check" || s.startsWith("node:"));
    });
    expect(bad).toEqual([]);
  });

  it("contracts build on zod and the domain only", () => {
    const bad = violations("contracts", (file, s) => {
      const folder = srcFolderOf(file, s);
      if (folder !== null) return folder === "contracts" || folder === "domain";
      return s === "zod" || (isTestSupport(file) && s === "vitest");
    });
    expect(bad).toEqual([]);
  });

  it("components import no server code and no Prisma, not even types", () => {
    const bad = violations("components", (file, s) => {
      const folder = srcFolderOf(file, s);
      if (folder !== null) return folder !== "server" && folder !== "generated" && folder !== "outside-src";
      return !/^(@prisma\/.*|prisma|pg)$/.test(packageName(s));
    });
    expect(bad).toEqual([]);
  });
});
