import type { Duplex } from 'node:stream';

/**
 * Reads the head of an HTTP/1.x response (status line and header fields) from the bytes received
 * so far. The HTTP probe and the proxy tunnel need nothing past the head, so neither takes on a
 * full HTTP client: when thirty hosts answer at once, that client's set-up per answer is most of
 * the time spent on it.
 */
export type ResponseHead =
  | { kind: 'incomplete' }
  | {
      kind: 'head';
      status: number;
      statusText: string;
      /** Lower-case names; a repeated field's values joined with ", ". */
      headers: Record<string, string>;
      /** Bytes the head took, blank line included: what follows is the body (or a tunnel's data). */
      length: number;
    }
  | { kind: 'garbage'; why: 'not-http' | 'too-large' };

type SettledHead = Exclude<ResponseHead, { kind: 'incomplete' }>;

/** How the probes introduce themselves to servers and proxies. */
export const USER_AGENT = 'SyncDoctor/1 (connectivity check)';

/** Node's own limit for a response head; a server sending more is not answering as HTTP. */
export const MAX_HEAD_BYTES = 16 * 1024;

const PREFIX = 'HTTP/';
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? +(\d{3})(?: +(.*))?$/;
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BLANK_LINE = '\r\n\r\n';

/** Reads the head in `received`, all the bytes so far. Pure. */
export function readResponseHead(received: Buffer): ResponseHead {
  return new ResponseHeadReader().push(received);
}

/**
 * Reads a response head from chunks as they arrive. The bytes are capped from the first one, so
 * interim answers (100 Continue, 103 Early Hints) count against the cap too: a peer sending them
 * without end is cut off at MAX_HEAD_BYTES. Nothing is looked at twice: the search for the end
 * of a head goes on from where the last chunk left it, and a finished interim head is not read again.
 */
export class ResponseHeadReader {
  private bytes: Buffer = Buffer.alloc(0);
  private length = 0;
  /** Where the head being read starts (after any interim heads). */
  private headStart = 0;
  /** Where the search for the blank line goes on. */
  private scanFrom = 0;
  private settled: SettledHead | undefined;

  /** Adds a chunk and says what the bytes so far are; once settled, the answer stays the same. */
  push(chunk: Buffer): ResponseHead {
    if (this.settled) return this.settled;
    this.append(chunk);
    for (;;) {
      // Said as soon as the first bytes show it, rather than when a header's worth has arrived.
      const start = this.bytes.subarray(this.headStart, Math.min(this.length, this.headStart + PREFIX.length)).toString('latin1');
      if (!PREFIX.startsWith(start)) return this.settle({ kind: 'garbage', why: 'not-http' });
      const end = this.bytes.subarray(0, this.length).indexOf(BLANK_LINE, this.scanFrom, 'latin1');
      if (end < 0) {
        // A blank line may start in this chunk and end in the next: look again at its last three bytes.
        this.scanFrom = Math.max(this.headStart, this.length - (BLANK_LINE.length - 1));
        return this.length > MAX_HEAD_BYTES ? this.settle({ kind: 'garbage', why: 'too-large' }) : { kind: 'incomplete' };
      }
      const headEnd = end + BLANK_LINE.length;
      if (headEnd > MAX_HEAD_BYTES) return this.settle({ kind: 'garbage', why: 'too-large' });
      const head = parseHead(this.bytes.subarray(this.headStart, end).toString('latin1'), headEnd);
      // An interim answer (100 Continue, 103 Early Hints) comes before the real one: skip it.
      if (head.kind !== 'head' || head.status >= 200 || head.status === 101) return this.settle(head);
      this.headStart = headEnd;
      this.scanFrom = headEnd;
    }
  }

  /** The bytes after the head (a body's start or a tunnel's first data). */
  rest(): Buffer {
    return this.settled?.kind === 'head' ? Buffer.from(this.bytes.subarray(this.settled.length, this.length)) : Buffer.alloc(0);
  }

  private settle(outcome: SettledHead): ResponseHead {
    this.settled = outcome;
    return outcome;
  }

  /** Grows the buffer by doubling, so a head that comes a byte at a time is copied a bounded number of times. */
  private append(chunk: Buffer): void {
    if (this.length + chunk.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.length + chunk.length, this.bytes.length * 2, 1024));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    chunk.copy(this.bytes, this.length);
    this.length += chunk.length;
  }
}

function parseHead(text: string, length: number): SettledHead {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const status = STATUS_LINE.exec(statusLine);
  if (!status) return { kind: 'garbage', why: 'not-http' };
  // A Map, so that a field named "__proto__" or "constructor" is just a field.
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      // An obsolete folded line continues the previous field.
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    if (colon <= 0 || !FIELD_NAME.test(name)) return { kind: 'garbage', why: 'not-http' };
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = fields.get(key);
    fields.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
    last = key;
  }
  return { kind: 'head', status: Number(status[1]), statusText: (status[2] ?? '').trim(), headers: Object.fromEntries(fields), length };
}

/**
 * A request head for `method target` with these fields. Throws on a field or target that would
 * end a line early: that would be header injection, and only a broken catalog or proxy setting
 * can cause it.
 */
export function requestHead(method: 'GET' | 'CONNECT', target: string, fields: Record<string, string>): string {
  if (/[\s\0]/.test(target))
    throw new Error(`Refusing to send a request for ${JSON.stringify(target)}: it contains a space or line break.`);
  let head = `${method} ${target} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(fields)) {
    if (!FIELD_NAME.test(name) || /[\r\n\0]/.test(value)) {
      throw new Error(`Refusing to send the request header ${JSON.stringify(name)}: it contains a line break.`);
    }
    head += `${name}: ${value}\r\n`;
  }
  return `${head}\r\n`;
}

export type HeadWait =
  /** The socket is left paused with its listeners gone; `rest` is what came after the head. */
  | { kind: 'head'; head: Extract<ResponseHead, { kind: 'head' }>; rest: Buffer }
  | { kind: 'garbage'; why: 'not-http' | 'too-large' }
  /** Closed before a whole head came; `error` when the connection failed rather than ended. */
  | { kind: 'closed'; error?: NodeJS.ErrnoException }
  | { kind: 'aborted' };

/**
 * Reads from `socket` until a whole response head has come, the bytes are not HTTP, the
 * connection ends, or `signal` aborts. Leaves the socket to the caller, who destroys or keeps it.
 */
export function awaitResponseHead(socket: Duplex, signal: AbortSignal): Promise<HeadWait> {
  return new Promise((resolve) => {
    const reader = new ResponseHeadReader();
    const finish = (outcome: HeadWait) => {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('data', onData);
      socket.removeListener('end', onClosed);
      socket.removeListener('close', onClosed);
      socket.removeListener('error', onError);
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'aborted' });
    const onClosed = () => finish({ kind: 'closed' });
    const onError = (error: NodeJS.ErrnoException) => finish({ kind: 'closed', error });
    const onData = (chunk: Buffer | string) => {
      const head = reader.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
      if (head.kind === 'incomplete') return;
      if (head.kind === 'garbage') return finish(head);
      socket.pause();
      finish({ kind: 'head', head, rest: reader.rest() });
    };
    if (signal.aborted) return finish({ kind: 'aborted' });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.once('end', onClosed);
    socket.once('close', onClosed);
    socket.once('error', onError);
  });
}
