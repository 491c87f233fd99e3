import { removeCredentials } from './credentials';
import { canonicalAddress, classifyIPv4, classifyIPv6, parseIPv4, parseIPv6, type AddressClass } from './ip';
import {
  DEVICE_NAME,
  EMAIL,
  HOME_PATH,
  IPV4_CANDIDATE,
  IPV6_CANDIDATE,
  isDeviceName,
  kindOfKey,
  MAC_ADDRESS,
  SEP,
  SERIAL_LABELLED,
  SERIAL_SHAPED,
  serialLabel,
  SSID_LABELLED,
  UDID_SHAPED,
} from './patterns';
import { isGenericName, type PersonalValues } from './personal-values';
import { HOME_PLACEHOLDER, serialPlaceholder, type HiddenKind, type PlaceholderBook } from './placeholders';
import { applyRule, escapeRegExp, joinSegments, type Segment } from './segments';

export interface TextRedactorOptions {
  includePersonal: boolean;
  /** Everything known to be personal: gathered from the system and found in the report. */
  known: PersonalValues;
  /** Catalog hosts, the addresses they resolved to, issuers: never hidden, even inside sentences. */
  keep: readonly string[];
}

/** Redacts one string of the report; `key` is the field or fact it belongs to. */
export type TextRedactor = (text: string, key?: string) => string;

/** Values shorter than this are hidden where a pattern finds them (paths, keys), not as loose words. */
const MIN_WORD_LENGTH = 3;

interface Word {
  kind: HiddenKind;
  prefix: string;
  normalized: string;
}

/** Known names as loose words, in the order a clash is decided (a device named like its owner is a device). */
const WORD_KINDS: readonly { field: keyof PersonalValues; kind: HiddenKind; prefix: string }[] = [
  { field: 'deviceNames', kind: 'device-name', prefix: 'device' },
  { field: 'computerNames', kind: 'computer-name', prefix: 'computer' },
  { field: 'emails', kind: 'email', prefix: 'email' },
  { field: 'wifiNames', kind: 'wifi-name', prefix: 'wifi' },
  { field: 'userNames', kind: 'user-name', prefix: 'user' },
];

const ADDRESS_PREFIX: Record<'v4' | 'v6', Partial<Record<AddressClass, string>>> = {
  v4: { private: 'private-ip', 'link-local': 'link-local-ip', public: 'this-computer-ip' },
  v6: { private: 'private-ipv6', 'link-local': 'link-local-ipv6', public: 'this-computer-ipv6' },
};

export function createTextRedactor(options: TextRedactorOptions, book: PlaceholderBook): TextRedactor {
  const keep = alternation(options.keep.filter((value) => value.length >= 2));
  const keepPattern = keep && new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${keep})(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])`, 'giu');
  const keptLower = new Set(options.keep.map((value) => value.toLowerCase()));

  const words = new Map<string, Word>();
  for (const { field, kind, prefix } of WORD_KINDS) {
    for (const value of options.known[field]) {
      if (value.length < MIN_WORD_LENGTH || (kind === 'user-name' && isGenericName(value)) || keptLower.has(value.toLowerCase())) continue;
      const word: Word = { kind, prefix, normalized: value.toLowerCase() };
      for (const variant of variantsOf(value)) if (!words.has(variant.toLowerCase())) words.set(variant.toLowerCase(), word);
    }
  }
  const wordAlternation = alternation([...words.keys()]);
  const wordPattern = wordAlternation && new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${wordAlternation})(?![\p{L}\p{N}])`, 'giu');

  const serials = new Set(options.known.serials.filter((value) => value.length >= 6).map((value) => value.toLowerCase()));
  const serialAlternation = alternation([...serials]);
  const serialPattern = serialAlternation && new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${serialAlternation})(?![\p{L}\p{N}])`, 'giu');

  const homes = options.known.homeDirs.map(homePattern).filter((pattern): pattern is string => pattern !== undefined);
  const homePatternAll = homes.length > 0 ? new RegExp(homes.sort((a, b) => b.length - a.length).join('|'), 'giu') : undefined;

  const knownMacs = new Set(options.known.macAddresses.map(normalizeMac));
  const knownAddresses = new Set(options.known.addresses.map(canonicalAddress).filter((value): value is string => value !== undefined));

  const serial = (label: string, value: string) => book.record('serial', serialPlaceholder(label, value));
  const home = () => book.record('home-folder', HOME_PLACEHOLDER);

  function wholeValue(text: string, key: string | undefined): string | undefined {
    const kind = kindOfKey(key);
    if (kind === undefined || text.trim() === '' || keptLower.has(text.toLowerCase())) return undefined;
    switch (kind) {
      case 'serial':
        return serial(serialLabel(key ?? ''), text);
      case 'user-name':
        return isGenericName(text) ? undefined : book.numbered(kind, 'user', text.toLowerCase());
      case 'mac-address':
        return book.numbered(kind, 'mac', normalizeMac(text));
      case 'computer-name':
        return book.numbered(kind, 'computer', text.toLowerCase());
      case 'device-name':
        return book.numbered(kind, 'device', text.toLowerCase());
      case 'wifi-name':
        return book.numbered(kind, 'wifi', text.toLowerCase());
      case 'email':
        return book.numbered(kind, 'email', text.toLowerCase());
      default:
        return undefined;
    }
  }

  function address(match: RegExpExecArray): string | undefined {
    const text = match[0];
    const v4 = parseIPv4(text);
    const v6 = v4 ? undefined : parseIPv6(text);
    const mapped = v6 && v6.slice(0, 5).every((group) => group === 0) && v6[5] === 0xffff;
    const family = v4 || mapped ? 'v4' : 'v6';
    if (!v4 && !v6) return undefined;
    const addressClass = v4 ? classifyIPv4(v4) : classifyIPv6(v6 ?? []);
    const canonical = mapped ? (canonicalAddress(v6To4(v6 ?? [])) ?? text) : (canonicalAddress(text) ?? text);
    if (addressClass === 'public' && !knownAddresses.has(canonical)) return undefined;
    const prefix = ADDRESS_PREFIX[family][addressClass];
    return prefix ? book.numbered('ip-address', prefix, canonical) : undefined;
  }

  return (text, key) => {
    let segments: Segment[] = removeCredentials([{ text, locked: false }], book);
    if (options.includePersonal) return joinSegments(segments);
    const whole = wholeValue(joinSegments(segments), key);
    if (whole !== undefined) return whole;

    segments = applyRule(segments, EMAIL, (m) => book.numbered('email', 'email', m[0].toLowerCase()));
    if (keepPattern) segments = applyRule(segments, keepPattern, (m) => m[0]);
    if (homePatternAll) segments = applyRule(segments, homePatternAll, home);
    segments = applyRule(segments, HOME_PATH, (m) => (isGenericName(decodeSafely(m[1] ?? '')) ? undefined : home()));
    segments = applyRule(segments, SERIAL_LABELLED, (m) => {
      const [, label = '', separator = '', value = ''] = m;
      if (/^\s+$/.test(separator) && !(value.length >= 8 && /\d/.test(value))) return undefined;
      return `${label}${separator}${serial(serialLabel(label), value)}`;
    });
    segments = applyRule(segments, SSID_LABELLED, (m) => {
      const value = (m[2] ?? m[3] ?? '').trim();
      if (value === '') return undefined;
      const placeholder = book.numbered('wifi-name', 'wifi', value.toLowerCase());
      const trailing = m[3] !== undefined ? (m[3].match(/\s*$/)?.[0] ?? '') : '';
      return `SSID${m[1] ?? ''}${m[2] !== undefined ? `"${placeholder}"` : placeholder}${trailing}`;
    });
    if (serialPattern) segments = applyRule(segments, serialPattern, (m) => serial('serial', m[0]));
    segments = applyRule(segments, MAC_ADDRESS, (m) => {
      const normalized = normalizeMac(m[0]);
      if (/^(?:00:){5}00$|^(?:ff:){5}ff$/.test(normalized) && !knownMacs.has(normalized)) return undefined;
      return book.numbered('mac-address', 'mac', normalized);
    });
    segments = applyRule(segments, UDID_SHAPED, (m) => serial('UDID', m[0]));
    segments = applyRule(segments, SERIAL_SHAPED, (m) => serial('serial', m[0]));
    if (wordPattern) {
      segments = applyRule(segments, wordPattern, (m) => {
        const word = words.get(m[0].toLowerCase());
        return word ? book.numbered(word.kind, word.prefix, word.normalized) : undefined;
      });
    }
    // IPv6 first: "::ffff:192.168.1.20" is one address, not an IPv4 one after some colons.
    segments = applyRule(segments, IPV6_CANDIDATE, address);
    segments = applyRule(segments, IPV4_CANDIDATE, address);
    segments = applyRule(segments, DEVICE_NAME, (m) =>
      isDeviceName(m[0]) ? book.numbered('device-name', 'device', m[0].toLowerCase().replace('’', "'")) : undefined,
    );
    return joinSegments(segments);
  };
}

/** The value as written, and as it appears URL-encoded in a link or a file:// path. */
function variantsOf(value: string): string[] {
  const variants = new Set([value]);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) variants.add(encoded);
  return [...variants];
}

/** One alternation of literal strings, longest first so "alice-pc" wins over "alice". */
function alternation(values: readonly string[]): string | undefined {
  const unique = [...new Set(values)].filter((value) => value !== '');
  if (unique.length === 0) return undefined;
  return unique
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** A home folder's path with either separator, escaped backslashes or URL-encoding between its parts. */
function homePattern(dir: string): string | undefined {
  const parts = dir.split(/[\\/]+/).filter((part) => part !== '');
  const drive = parts[0] !== undefined && /^[A-Za-z]:$/.test(parts[0]) ? parts.shift() : undefined;
  const last = parts[parts.length - 1];
  if (last === undefined || isGenericName(last)) return undefined;
  const body = parts.map((part) => `(?:${alternation(variantsOf(part))})`).join(SEP);
  const start = drive ? String.raw`(?<![\p{L}\p{N}])${escapeRegExp(drive[0] ?? '')}(?::|%3[aA])` : '';
  return String.raw`${start}${SEP}${body}(?![\p{L}\p{N}._-])`;
}

function v6To4(groups: readonly number[]): string {
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function normalizeMac(text: string): string {
  const hex = text.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 12 ? (hex.match(/../g) ?? []).join(':') : text.toLowerCase();
}

function decodeSafely(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
