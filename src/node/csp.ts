// The Content-Security-Policy both hosts send with the UI: nothing but the app's own origin.

/** Inline styles are allowed for ProseMirror's decoration attributes; scripts only from the app itself. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
