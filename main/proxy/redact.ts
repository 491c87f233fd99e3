// Proxy settings may carry a user name and password ("http://alice:s3cret@proxy:3128"). The
// parsers are the only code that sees them: whatever they say about a setting (why it is
// unusable, which PAC script it names) is RedactedText, which only the functions below make, so
// a raw value cannot reach a report, the CLI or the renderer by being quoted.

declare const redacted: unique symbol;

/** Text about a proxy setting with any credentials taken out: safe to show and to report. */
export type RedactedText = string & { readonly [redacted]: true };

/** How much of a setting is quoted: enough to recognise it. */
const MAX_QUOTED = 100;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A proxy setting's raw text as it may be quoted: everything before the last "@" (the user
 * name and password, however they are written: unencoded "/", "#", "?", spaces and "@" in a
 * password included) becomes "…", the scheme is kept, and the rest is cut to 100 characters.
 * Without an "@" there are no credentials to take out.
 */
export function redactProxyText(raw: string): RedactedText {
  const at = raw.lastIndexOf('@');
  const scheme = SCHEME.exec(raw)?.[0] ?? '';
  const kept = (at < 0 ? raw : `${scheme}…@${raw.slice(at + 1)}`).slice(0, MAX_QUOTED + 1);
  const printable = [...kept].map((char) => (isControl(char) ? '?' : char)).join('');
  return (printable.length > MAX_QUOTED ? `${printable.slice(0, MAX_QUOTED)}…` : printable) as RedactedText;
}

/**
 * A sentence about a setting, written in code, whose quoted parts are all redacted:
 * safe`"${redactProxyText(value)}" is not a proxy address`.
 */
export function safe(strings: TemplateStringsArray, ...parts: readonly (RedactedText | number)[]): RedactedText {
  return strings.reduce((text, literal, index) => text + literal + (index < parts.length ? String(parts[index]) : ''), '') as RedactedText;
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
