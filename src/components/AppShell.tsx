import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/domain/i18n/locales";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { SignOutButton } from "./SignOutButton";

export interface NavItem {
  href: string;
  label: string;
}

/** The frame of a signed-in area: product name, navigation, who is signed in, language, sign-out. */
export function AppShell(props: {
  home: string;
  productName: string;
  /** The provider's logo (Settings → Company) or the default one; shown beside the product name. */
  logoSrc?: string;
  badge?: string;
  nav: NavItem[];
  userLabel: string;
  locale: Locale;
  labels: { language: string; signOut: string };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href={props.home} className="flex items-center gap-2 text-lg font-bold text-indigo-700 hover:no-underline">
            {/* biome-ignore lint/performance/noImgElement: a small database-backed image served by /company-logo, not worth next/image's optimiser */}
            {props.logoSrc ? <img src={props.logoSrc} alt="" className="h-8 w-auto max-w-40 object-contain" data-testid="app-logo" /> : null}
            {props.productName}
          </Link>
          {props.badge ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{props.badge}</span> : null}
          <nav className="flex flex-wrap gap-4 text-sm" aria-label="main">
            {props.nav.map((item) => (
              <Link key={item.href} href={item.href} className="text-slate-700">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <span className="text-sm text-slate-600" data-testid="signed-in-as">
              {props.userLabel}
            </span>
            <LanguageSwitcher current={props.locale} label={props.labels.language} />
            <SignOutButton label={props.labels.signOut} />
          </div>
        </div>
      </header>
      <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8">{props.children}</main>
    </div>
  );
}
