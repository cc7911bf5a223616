import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/domain/i18n/locales";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { type NavEntry, type NavLink, ShellNav } from "./ShellNav";
import { SignOutButton } from "./SignOutButton";

export type { NavEntry, NavGroup, NavLink } from "./ShellNav";
/** The earlier name of NavLink, kept for callers that still use it. */
export type NavItem = NavLink;

/**
 * The frame of a signed-in area: product name, navigation, who is signed in, language, sign-out.
 * One row from `xl` (1280 px) up, a little wider than the page (max-w-7xl) so the back-office links fit
 * in every language; below it, the product name and a Menu button (ShellNav).
 */
export function AppShell(props: {
  home: string;
  productName: string;
  /** The provider's logo (Settings → Company) or the default one; shown beside the product name. */
  logoSrc?: string;
  badge?: string;
  nav: NavEntry[];
  /** Links about the signed-in person (e.g. their security settings), shown beside their name. */
  accountLinks?: NavLink[];
  userLabel: string;
  locale: Locale;
  labels: { language: string; signOut: string; menu: string };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 xl:flex-nowrap" data-testid="header-row">
          <Link href={props.home} className="flex shrink-0 items-center gap-2 text-lg font-bold text-indigo-700 hover:no-underline">
            {/* biome-ignore lint/performance/noImgElement: a small database-backed image served by /company-logo, not worth next/image's optimiser */}
            {props.logoSrc ? <img src={props.logoSrc} alt="" className="h-8 w-auto max-w-40 object-contain" data-testid="app-logo" /> : null}
            {props.productName}
          </Link>
          {props.badge ? <span className="shrink-0 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{props.badge}</span> : null}
          <ShellNav
            home={props.home}
            entries={props.nav}
            accountLinks={props.accountLinks}
            menuLabel={props.labels.menu}
            account={
              <>
                <span className="max-w-56 truncate text-sm text-slate-600 xl:max-w-40" data-testid="signed-in-as" title={props.userLabel}>
                  {props.userLabel}
                </span>
                <LanguageSwitcher current={props.locale} label={props.labels.language} />
                <SignOutButton label={props.labels.signOut} />
              </>
            }
          />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto flex max-w-6xl flex-col gap-6 px-3 py-6 sm:px-4 focus:outline-none lg:py-8">
        {props.children}
      </main>
    </div>
  );
}
