// Host-name wildcards without regular expressions. A pattern turned into a regex (each "*" a
// ".*") backtracks: "******x.apple.com" against an ordinary block-list line took seconds, and
// every extra "*" multiplied it. Here each "*" is matched by finding the literal pieces between
// the stars left to right, never going back: the work is bounded by the name's length times the
// pattern's, for any pattern.

/**
 * Whether `text` matches `pattern`, where "*" stands for any run of characters (none included).
 * Taking the leftmost place for each piece between two stars is always right: any later place
 * leaves less text for the pieces after it.
 */
export function globMatches(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/**
 * Whether a host name matches a catalog pattern, label by label: "*.mzstatic.com" covers any
 * name below mzstatic.com, however deep ("a.b.mzstatic.com"); "gg*.apple.com" has a wildcard
 * inside one label and matches names with exactly as many labels. Case and a final dot do not
 * matter.
 */
export function hostMatchesPattern(pattern: string, host: string): boolean {
  const wanted = labelsOf(pattern);
  const labels = labelsOf(host);
  if (wanted[0] === '*') {
    const suffix = wanted.slice(1);
    if (labels.length <= suffix.length) return false;
    const tail = labels.slice(labels.length - suffix.length);
    return (
      labels.slice(0, labels.length - suffix.length).every((label) => label !== '') &&
      suffix.every((want, i) => globMatches(want, tail[i]!))
    );
  }
  return labels.length === wanted.length && wanted.every((want, i) => globMatches(want, labels[i]!));
}

function labelsOf(name: string): string[] {
  return name.toLowerCase().replace(/\.$/, '').split('.');
}
