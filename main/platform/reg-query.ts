export interface RegValue {
  name: string;
  type: string;
  data: string;
}

/** Values of the first key in `reg query KEY` output (names may contain spaces). Pure; linear in the text. */
export function parseRegQuery(text: string): RegValue[] {
  const values: RegValue[] = [];
  let keys = 0;
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line.trim()) && !line.startsWith(' ')) {
      keys++;
      if (keys > 1) break;
      continue;
    }
    if (!/^\s/.test(line)) continue;
    const value = splitRegValue(line.trim());
    if (value) values.push(value);
  }
  return values;
}

/**
 * "Name    REG_TYPE    data": reg separates the three by runs of spaces, a name may hold single
 * spaces, and the type is the first field that is a REG_ word. Split at runs of two or more
 * white-space characters (each run is taken whole, so this is linear), keeping the runs so
 * the name and the data come back as written.
 */
function splitRegValue(line: string): RegValue | undefined {
  const parts = line.split(/(\s{2,})/);
  for (let index = 2; index < parts.length; index += 2) {
    if (!/^REG_[A-Z_]+$/.test(parts[index]!)) continue;
    return { name: parts.slice(0, index - 1).join(''), type: parts[index]!, data: parts.slice(index + 2).join('') };
  }
  return undefined;
}
