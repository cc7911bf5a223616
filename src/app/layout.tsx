import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

/** Icons live in public/ (favicon.ico for old browsers and tabs, SVG for the rest, PNGs for home screens). */
export const metadata: Metadata = {
  title: { default: "Comptoir", template: "%s · Comptoir" },
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry this request's CSP nonce (src/proxy.ts), which
  // a page prerendered at build time could not have.
  await headers();
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-800 antialiased">
        {/* The first thing a keyboard reaches; every layout's <main> has id="main". */}
        <a
          href="#main"
          data-testid="skip-link"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
