import { HIDDEN_KINDS, type HiddenKind } from '../../app/report/redact/placeholders';

export interface Mark {
  text: string;
  kind: HiddenKind;
}

export interface Piece {
  text: string;
  /** Set on a placeholder: what kind of value it hides. */
  kind?: HiddenKind;
}

/** A matcher for the placeholders, longest first; undefined when nothing was hidden. */
export function markPattern(marks: readonly Mark[]): { pattern: RegExp; kinds: Map<string, HiddenKind> } | undefined {
  const usable = marks.filter((mark) => mark.text !== '');
  if (usable.length === 0) return undefined;
  const escaped = [...usable]
    .sort((a, b) => b.text.length - a.text.length)
    .map((mark) => mark.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return { pattern: new RegExp(escaped.join('|'), 'g'), kinds: new Map(usable.map((mark) => [mark.text, mark.kind])) };
}

/** Splits text into plain pieces and placeholders, for the preview to mark what was hidden. */
export function splitMarks(text: string, matcher: ReturnType<typeof markPattern>): Piece[] {
  if (!matcher) return [{ text }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(matcher.pattern)) {
    const index = match.index ?? 0;
    if (index > last) pieces.push({ text: text.slice(last, index) });
    const kind = matcher.kinds.get(match[0]);
    pieces.push(kind ? { text: match[0], kind } : { text: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

const KIND_NOUNS: Record<HiddenKind, [string, string]> = {
  'user-name': ['user name', 'user names'],
  'home-folder': ['home folder', 'home folders'],
  'computer-name': ['computer name', 'computer names'],
  'device-name': ['device name', 'device names'],
  serial: ['serial number', 'serial numbers'],
  email: ['e-mail address', 'e-mail addresses'],
  'mac-address': ['MAC address', 'MAC addresses'],
  'ip-address': ['local network address', 'local network addresses'],
  'wifi-name': ['Wi-Fi name', 'Wi-Fi names'],
  'proxy-credentials': ['proxy password', 'proxy passwords'],
};

/** "user name" for a mark's tooltip. */
export function kindNoun(kind: HiddenKind): string {
  return KIND_NOUNS[kind][0];
}

/** "2 user names", one line per kind in a fixed order, from the placeholders put in (each placeholder is one value). */
export function hiddenSummary(hidden: readonly { kind: HiddenKind; placeholder: string }[]): string[] {
  const perKind = new Map<HiddenKind, number>();
  for (const item of hidden) perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + 1);
  const ordered = [...perKind].sort(([a], [b]) => HIDDEN_KINDS.indexOf(a) - HIDDEN_KINDS.indexOf(b));
  return ordered.map(([kind, count]) => {
    // "~" and "[credentials]" stand for every home folder and every credential: no count to give.
    if (kind === 'home-folder') return 'home folder paths';
    if (kind === 'proxy-credentials') return 'proxy user names and passwords';
    const [one, many] = KIND_NOUNS[kind];
    return `${count} ${count === 1 ? one : many}`;
  });
}
