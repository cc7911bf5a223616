"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

export interface NavLink {
  href: string;
  label: string;
}
/** Links that share one menu in the header (e.g. "Administration"); listed in place in the phone menu. */
export interface NavGroup {
  label: string;
  items: NavLink[];
}
export type NavEntry = NavLink | NavGroup;

const isGroup = (e: NavEntry): e is NavGroup => "items" in e;

/** The current page: an exact match, or a page below the link (the area's home matches only itself). */
export function isCurrent(pathname: string, href: string, home: string): boolean {
  if (pathname === href) return true;
  return href !== home && pathname.startsWith(`${href}/`);
}

/**
 * The navigation of a signed-in area. From `lg` up, one row: links, groups as small menus, then the
 * account cluster (`account`, `accountLinks`). Below `lg`, a Menu button (aria-expanded,
 * aria-controls) opens the same links as a list, so the header stays one line tall on a phone.
 * The same elements serve both widths: every link exists once in the page.
 */
export function ShellNav(props: { home: string; entries: NavEntry[]; accountLinks?: NavLink[]; menuLabel: string; account: ReactNode }) {
  const pathname = usePathname() ?? "";
  const [open, setOpen] = useState(false);
  const [openGroup, setOpenGroup] = useState<number | null>(null);
  const panelId = useId();
  const groupsRef = useRef<HTMLUListElement>(null);

  // A group's menu closes on a click elsewhere or on Escape, like any menu.
  useEffect(() => {
    if (openGroup === null) return;
    const onPointer = (e: MouseEvent) => {
      if (groupsRef.current && !groupsRef.current.contains(e.target as Node)) setOpenGroup(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpenGroup(null);
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [openGroup]);

  const close = () => {
    setOpen(false);
    setOpenGroup(null);
  };
  const link = (item: NavLink, extra = "") => {
    const current = isCurrent(pathname, item.href, props.home);
    return (
      <Link
        href={item.href}
        aria-current={current ? "page" : undefined}
        onClick={close}
        className={`block whitespace-nowrap rounded-md px-2 py-2 text-sm xl:py-1 ${current ? "bg-indigo-50 font-semibold text-indigo-800" : "text-slate-700 hover:bg-slate-100"} ${extra}`}
      >
        {item.label}
      </Link>
    );
  };

  return (
    <>
      <button
        type="button"
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 xl:hidden"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="menu-button"
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          {open ? (
            <path d="M5.3 4.3 10 9l4.7-4.7 1 1L11 10l4.7 4.7-1 1L10 11l-4.7 4.7-1-1L9 10 4.3 5.3z" />
          ) : (
            <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />
          )}
        </svg>
        {props.menuLabel}
      </button>
      <div
        id={panelId}
        className={`${open ? "flex" : "hidden"} basis-full flex-col gap-3 border-t border-slate-200 pt-3 xl:flex xl:flex-1 xl:basis-auto xl:flex-row xl:items-center xl:gap-4 xl:border-0 xl:pt-0`}
      >
        <nav aria-label="main" className="xl:min-w-0">
          <ul ref={groupsRef} className="flex flex-col gap-1 xl:flex-row xl:items-center xl:gap-1">
            {props.entries.map((entry, i) =>
              isGroup(entry) ? (
                <li key={entry.label} className="relative">
                  <span className="block px-2 pt-2 text-xs font-medium uppercase tracking-wide text-slate-500 xl:hidden">{entry.label}</span>
                  <button
                    type="button"
                    className={`hidden items-center gap-1 whitespace-nowrap rounded-md px-2 py-1 text-sm xl:inline-flex ${entry.items.some((it) => isCurrent(pathname, it.href, props.home)) ? "bg-indigo-50 font-semibold text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
                    aria-expanded={openGroup === i}
                    aria-controls={`${panelId}-group-${i}`}
                    onClick={() => setOpenGroup((g) => (g === i ? null : i))}
                  >
                    {entry.label}
                    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3 w-3" fill="currentColor">
                      <path d="M5 7.5 10 12.5 15 7.5z" />
                    </svg>
                  </button>
                  <ul
                    id={`${panelId}-group-${i}`}
                    className={`flex flex-col pl-2 xl:absolute xl:left-0 xl:top-full xl:z-20 xl:mt-1 xl:min-w-48 xl:rounded-md xl:border xl:border-slate-200 xl:bg-white xl:p-1 xl:pl-1 xl:shadow-lg ${openGroup === i ? "" : "xl:hidden"}`}
                  >
                    {entry.items.map((item) => (
                      <li key={item.href}>{link(item)}</li>
                    ))}
                  </ul>
                </li>
              ) : (
                <li key={entry.href}>{link(entry)}</li>
              ),
            )}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 xl:ml-auto xl:flex-nowrap xl:border-0 xl:pt-0">
          {props.accountLinks?.map((item) => (
            <span key={item.href}>{link(item)}</span>
          ))}
          {props.account}
        </div>
      </div>
    </>
  );
}
