import type { ReactNode } from "react";
import { PublicShell } from "@/components/PublicShell";

/** The public access request: no sign-in, no navigation, the product's name and the language. */
export default function AccessLayout({ children }: { children: ReactNode }) {
  return <PublicShell wide>{children}</PublicShell>;
}
