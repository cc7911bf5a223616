"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="whitespace-nowrap text-sm text-slate-600 hover:text-slate-900" onClick={() => signOut({ callbackUrl: "/signin" })}>
      {label}
    </button>
  );
}
