import { TextDecoder } from 'node:util';

export type HostsEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'latin1';

export interface DecodedText {
  text: string;
  encoding: HostsEncoding;
  /** A plain-words note when the encoding is one the OS may not read as the user expects. */
  note?: string;
}

/**
 * Decodes hosts-file bytes whatever editor wrote them. Windows' resolver reads the file as
 * ANSI/UTF-8: a file saved as UTF-16 (Notepad's "Unicode") is read as garbage, so its entries
 * quietly do nothing; that is worth telling, but its entries are still shown.
 */
export function decodeHostsBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3)) ?? latin1(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le-bom',
      note: 'The file is saved as UTF-16 ("Unicode"); the system may not read its entries at all. Save it as UTF-8 or ANSI.',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be-bom',
      note: 'The file is saved as UTF-16 big-endian; the system may not read its entries at all. Save it as UTF-8 or ANSI.',
    };
  }
  if (looksLikeUtf16le(bytes)) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes),
      encoding: 'utf-16le',
      note: 'The file looks like UTF-16 without a byte-order mark; the system may not read its entries at all.',
    };
  }
  const text = utf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8' };
  return {
    text: latin1(bytes),
    encoding: 'latin1',
    note: 'The file is not valid UTF-8 (read as Latin-1); some characters may be shown wrongly.',
  };
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** Many zero bytes in odd positions and none in even ones: ASCII text stored as UTF-16LE. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return oddZeros > sample / 4 && evenZeros < oddZeros / 8;
}
