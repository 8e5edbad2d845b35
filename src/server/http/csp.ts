// The Content Security Policy of every page: scripts run only with this response's nonce (Next.js puts it on
// its own scripts when it finds it in the request's CSP header), and 'strict-dynamic' lets those load the
// app's chunks. Styles keep 'unsafe-inline': React's style attributes cannot carry a nonce, and styles do not
// run code. Pages must render per request for this (the root layout is dynamic): a prerendered page would
// carry no nonce.

export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
