"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Keeps a server-rendered page live while what it shows is still moving (a billing run in
 * progress): it re-renders the page every `everyMs` until `active` turns false. No client state to
 * keep in sync: the server page stays the one source of what is shown.
 */
export function RefreshWhileActive({ active, everyMs = 1000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
