import { CREDENTIALS_PLACEHOLDER, type PlaceholderBook } from './placeholders';
import { applyRule, type Segment } from './segments';

// Proxy user names and passwords (and any other credentials in text) are removed from every report,
// personal details included or not. A malformed proxy setting can reach a check's detail raw, with
// characters a URL parser refuses (`/`, `#`, `?`, `@`, a space), so these rules do not rely on the
// URL being valid.

const HOST_AFTER = String.raw`(?=[\p{L}\p{N}.-]+(?::\d{1,5})?(?:[\s"'<>/),;\]]|$))`;

const RULES: readonly { pattern: RegExp; keep: (match: RegExpExecArray) => [string, string] }[] = [
  {
    // scheme://user:pass word@host: a password with spaces, up to an @ followed by a host.
    pattern: new RegExp(String.raw`([a-z][a-z0-9+.-]{0,15}:\/\/)[^\s/@"'<>:.]+:[^\r\n"'<>@]{0,128}?@${HOST_AFTER}`, 'giu'),
    keep: (match) => [match[1] ?? '', '@'],
  },
  {
    // scheme://user:pa/ss#x@host, scheme://user@host: the last @ of a token without spaces.
    pattern: /([a-z][a-z0-9+.-]{0,15}:\/\/)[^\s"'<>]*@/giu,
    keep: (match) => [match[1] ?? '', '@'],
  },
  {
    // user:pass@host:port without a scheme (Windows proxy settings, NO_PROXY-style lists).
    pattern: new RegExp(String.raw`(?<=^|[\s=("',;])[^\s:@/"'<>,;=]+:[^\s"'<>]*@(?=[\p{L}\p{N}.-]+:\d{1,5}(?!\d))`, 'gu'),
    keep: () => ['', '@'],
  },
  {
    // password=..., Proxy-Authorization: Basic ...
    pattern:
      /\b(password|passwd|pwd|proxy-authorization|authorization)(\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|(?:basic|bearer|ntlm|negotiate|digest)\s+\S+|[^\s,;]+)/giu,
    keep: (match) => [`${match[1] ?? ''}${match[2] ?? ''}`, ''],
  },
];

/** Replaces every credential in the open runs with "[credentials]", keeping the scheme and the host. */
export function removeCredentials(segments: readonly Segment[], book: PlaceholderBook): Segment[] {
  let out = [...segments];
  for (const rule of RULES) {
    out = applyRule(out, rule.pattern, (match) => {
      const [before, after] = rule.keep(match);
      return `${before}${book.record('proxy-credentials', CREDENTIALS_PLACEHOLDER)}${after}`;
    });
  }
  return out;
}
