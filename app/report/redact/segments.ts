// Text as runs that later rules may still change (open) and runs they must not touch (locked): a
// placeholder already put in, or a catalog host, address or issuer that must survive. Each rule
// only ever sees open runs, so no rule rewrites another's placeholder or a kept name.

export interface Segment {
  text: string;
  locked: boolean;
}

/**
 * Runs `pattern` (global) over every open run; where `replace` returns a string, the match becomes
 * that string, locked. Returning undefined leaves the match open for later rules.
 */
export function applyRule(
  segments: readonly Segment[],
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string | undefined,
): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    if (segment.locked || segment.text === '') {
      out.push(segment);
      continue;
    }
    pattern.lastIndex = 0;
    let last = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(segment.text)) !== null) {
      if (match[0] === '') {
        pattern.lastIndex += 1;
        continue;
      }
      const replacement = replace(match);
      if (replacement === undefined) continue;
      if (match.index > last) out.push({ text: segment.text.slice(last, match.index), locked: false });
      out.push({ text: replacement, locked: true });
      last = match.index + match[0].length;
    }
    if (last === 0) out.push(segment);
    else if (last < segment.text.length) out.push({ text: segment.text.slice(last), locked: false });
  }
  return out;
}

export function joinSegments(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join('');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
