/**
 * The headers every page and static file carries: a Content-Security-Policy that allows only this
 * origin's stylesheet, script and icon (nothing inline, no frames, forms only to this origin), and
 * the usual hardening. The pages hold no secrets, but questions travel in their addresses: no
 * referrer leaves the site.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; " +
    "base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
