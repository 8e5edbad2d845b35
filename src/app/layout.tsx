import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "~/components/layout/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Benchflow", template: "%s · Benchflow" },
  description: "Production planning for handmade jewelry studios: batch the steps, keep every piece traceable.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page renders per request: its scripts carry that response's CSP nonce (src/proxy.ts).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
