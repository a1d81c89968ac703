// Credentials inside URLs (https://user:pass@host/v1, ?api-key=..., ?key=..., ?token=...) are
// common with proxies and Azure-style gateways. clplay prints and saves base URLs (run files,
// messages, `config list`), so every such place uses the redacted form; only the HTTP client
// sees the real one.

/** Query parameter names whose values are secrets. */
const SECRET_PARAM = /^(?:x-)?(?:api[-_]?key|key|token|access[-_]?token|auth|authorization|bearer|password|passwd|pwd|secret|client[-_]?secret|sig|signature|session|code)$/i;
const MASK = '***';

/** The URL with its user info and secret query values masked; anything unparsable is text-redacted. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactCredentials(url);
  }
  let changed = false;
  if (u.username || u.password) {
    u.username = MASK;
    u.password = '';
    changed = true;
  }
  for (const name of [...new Set(u.searchParams.keys())]) {
    if (SECRET_PARAM.test(name)) {
      u.searchParams.set(name, MASK);
      changed = true;
    }
  }
  if (!changed) return url;
  // URL encodes "*" in the query as-is but keeps the form readable; drop a trailing "/" it adds.
  let out = u.toString().replace(/%2A/gi, '*');
  if (!url.endsWith('/') && out.endsWith('/') && !u.search) out = out.slice(0, -1);
  return out;
}

/** True when `url` carries credentials masked by redactUrl (a base URL read back from a run file). */
export function hasMaskedCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username === MASK || u.username === '%2A%2A%2A') return true;
    return [...u.searchParams.entries()].some(([k, v]) => SECRET_PARAM.test(k) && v === MASK);
  } catch {
    return false;
  }
}

/** Masks credentials in every URL inside `text` (error messages quote request URLs). */
export function redactCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, `$1${MASK}@`)
    .replace(/([?&;])((?:x-)?(?:api[-_]?key|key|token|access[-_]?token|auth|authorization|bearer|password|passwd|pwd|secret|client[-_]?secret|sig|signature|session|code))=[^&#\s"'<>]*/gi, `$1$2=${MASK}`);
}
