import { DEVICE_NAME, ENV_ASSIGNMENT, ENV_KINDS, HOME_PATH, isDeviceName, kindOfKey } from './patterns';
import { isGenericName, noPersonalValues, type PersonalValues } from './personal-values';

/** A string of the report and the key it sits under (a fact's name, a field's name). */
export interface KeyedText {
  key: string | undefined;
  text: string;
}

/**
 * Personal values the report itself gives away: values of personal fact keys, USER=... lines,
 * the names in home folder paths, device names. Found once for the whole report, so a name seen
 * in one place is hidden in every other place too, with the same placeholder.
 */
export function findPersonalValues(texts: Iterable<KeyedText>): PersonalValues {
  const found = noPersonalValues();
  const addUser = (name: string) => {
    if (!isGenericName(name)) found.userNames.push(name);
  };
  for (const { key, text } of texts) {
    switch (kindOfKey(key)) {
      case 'serial':
        found.serials.push(text);
        break;
      case 'mac-address':
        found.macAddresses.push(text);
        break;
      case 'wifi-name':
        found.wifiNames.push(text);
        break;
      case 'device-name':
        found.deviceNames.push(text);
        break;
      case 'computer-name':
        found.computerNames.push(text);
        break;
      case 'user-name':
        addUser(text);
        break;
      case 'email':
        found.emails.push(text);
        break;
      default:
        break;
    }
    for (const match of text.matchAll(HOME_PATH)) addUser(decodeName(match[1] ?? ''));
    for (const match of text.matchAll(ENV_ASSIGNMENT)) {
      const kind = ENV_KINDS[(match[1] ?? '').toUpperCase()];
      const value = match[2] ?? '';
      if (kind === 'user-name') addUser(value);
      else if (kind === 'computer-name') found.computerNames.push(value);
    }
    for (const match of text.matchAll(DEVICE_NAME)) if (isDeviceName(match[0])) found.deviceNames.push(match[0]);
  }
  return found;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Both lists together, each value once (ignoring case), blanks dropped. */
export function mergePersonalValues(a: PersonalValues, b: PersonalValues): PersonalValues {
  const merged = noPersonalValues();
  for (const field of Object.keys(merged) as (keyof PersonalValues)[]) {
    const seen = new Set<string>();
    for (const value of [...a[field], ...b[field]]) {
      const trimmed = value.trim();
      const lower = trimmed.toLowerCase();
      if (trimmed === '' || seen.has(lower)) continue;
      seen.add(lower);
      merged[field].push(trimmed);
    }
  }
  return merged;
}
