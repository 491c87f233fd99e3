// Consistent placeholders across one report: the same value always gets the same one, so a support
// person can still see that two lines talk about the same user, computer or address.

export const HIDDEN_KINDS = [
  'user-name',
  'home-folder',
  'computer-name',
  'device-name',
  'serial',
  'email',
  'mac-address',
  'ip-address',
  'wifi-name',
  'proxy-credentials',
] as const;
export type HiddenKind = (typeof HIDDEN_KINDS)[number];

/** One placeholder in a report: what kind of value it stands for and how often it was put in. */
export interface HiddenItem {
  kind: HiddenKind;
  placeholder: string;
  count: number;
}

/** What stands in for a home folder ("/Users/alice" → "~"). */
export const HOME_PLACEHOLDER = '~';
/** What stands in for proxy (and other) credentials, which are removed even with personal details included. */
export const CREDENTIALS_PLACEHOLDER = '[credentials]';

export class PlaceholderBook {
  private readonly assigned = new Map<string, string>();
  private readonly perPrefix = new Map<string, number>();
  private readonly items = new Map<string, HiddenItem>();

  /** "[user-1]", "[user-2]"...: numbered per prefix in the order values are first met. */
  numbered(kind: HiddenKind, prefix: string, normalizedValue: string): string {
    const key = `${prefix}\u0000${normalizedValue}`;
    let placeholder = this.assigned.get(key);
    if (placeholder === undefined) {
      const next = (this.perPrefix.get(prefix) ?? 0) + 1;
      this.perPrefix.set(prefix, next);
      placeholder = `[${prefix}-${next}]`;
      this.assigned.set(key, placeholder);
    }
    return this.record(kind, placeholder);
  }

  /** A placeholder that is the same text for every value of its kind ("~", "[credentials]", "[serial …8K2L]"). */
  record(kind: HiddenKind, placeholder: string): string {
    const item = this.items.get(placeholder);
    if (item) item.count += 1;
    else this.items.set(placeholder, { kind, placeholder, count: 1 });
    return placeholder;
  }

  hidden(): HiddenItem[] {
    return [...this.items.values()].map((item) => ({ ...item }));
  }
}

/** Serial numbers, UDIDs, ECIDs and IMEIs keep their last four characters, enough to tell devices apart. */
export function serialPlaceholder(label: string, value: string): string {
  return `[${label} …${value.slice(-4)}]`;
}
