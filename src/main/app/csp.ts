// One CSP for every renderer document, sent as a response header by the app:// protocol and
// repeated in index.html's meta tag (so the Chromium e2e host runs under the same policy).
// No 'unsafe-inline' and no 'unsafe-eval' anywhere: React sets styles through the CSSOM, which CSP
// does not govern, and Vite emits no inline scripts in a production build.
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** The meta-tag form: frame-ancestors is ignored (with a console warning) in a meta tag. */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter(([k]) => k !== 'frame-ancestors')
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
