import { DOMParser } from '@xmldom/xmldom';
import { build, parse, parseBinary, type PlistValue } from 'plist';

export type { PlistValue };

/** `why` never quotes the body or a parser's message about it: a reply may carry serial numbers. */
export type PlistRead = { kind: 'plist'; value: PlistValue } | { kind: 'not-plist'; why: string };

const BINARY_MAGIC = Buffer.from('bplist00', 'latin1');

/** The XML property list of a request body. */
export function plistBody(value: Record<string, PlistValue>): Buffer {
  return Buffer.from(build(value), 'utf8');
}

/**
 * Reads a body as an XML (or binary) property list. Never throws.
 *
 * plist.js parses XML with xmldom, which reports malformed XML on console.error and gives plist.js
 * no way to turn that off; a daemon sending garbage must not print to the user's terminal. So the
 * XML is first checked by xmldom with an error handler of ours, and only well-formed XML goes on.
 */
export function readPlist(body: Buffer): PlistRead {
  if (body.subarray(0, BINARY_MAGIC.length).equals(BINARY_MAGIC)) {
    return attempt(() => parseBinary(new Uint8Array(body)), 'the binary property list is malformed');
  }
  const text = body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\0+$/, '');
  if (!/^\s*</.test(text)) return { kind: 'not-plist', why: 'the body is not XML' };
  if (!isWellFormedPlistXml(text)) return { kind: 'not-plist', why: 'the body is not a well-formed XML property list' };
  return attempt(() => parse(text), 'the property list does not follow the plist format');
}

function attempt(read: () => PlistValue, why: string): PlistRead {
  try {
    return { kind: 'plist', value: read() };
  } catch {
    return { kind: 'not-plist', why };
  }
}

function isWellFormedPlistXml(text: string): boolean {
  const stop = (_level: string, message: string) => {
    throw new Error(message);
  };
  try {
    return new DOMParser({ onError: stop }).parseFromString(text, 'text/xml').documentElement?.nodeName === 'plist';
  } catch {
    return false;
  }
}

/** A dictionary from a plist value, or undefined. */
export function dictOf(value: PlistValue | undefined): Record<string, PlistValue> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array)
    ? value
    : undefined;
}
