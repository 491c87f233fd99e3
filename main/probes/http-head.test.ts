import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitResponseHead, MAX_HEAD_BYTES, readResponseHead, requestHead, ResponseHeadReader, type HeadWait } from './http-head';

const read = (text: string) => readResponseHead(Buffer.from(text, 'latin1'));

describe('readResponseHead', () => {
  it('reads the status, its text and the fields, and says where the head ends', () => {
    const text = 'HTTP/1.0 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="x"\r\nServer: squid\r\n\r\nbody';
    expect(read(text)).toEqual({
      kind: 'head',
      status: 407,
      statusText: 'Proxy Authentication Required',
      headers: { 'proxy-authenticate': 'Basic realm="x"', server: 'squid' },
      length: text.length - 'body'.length,
    });
  });

  it('waits for the blank line that ends the head', () => {
    expect(read('HTTP/1.1 200 OK\r\nServer: x\r\n')).toEqual({ kind: 'incomplete' });
    expect(read('HT')).toEqual({ kind: 'incomplete' });
    expect(read('')).toEqual({ kind: 'incomplete' });
  });

  it('calls it not HTTP from the first bytes, without waiting for more', () => {
    expect(read('SSH-2.0-OpenSSH')).toEqual({ kind: 'garbage', why: 'not-http' });
    expect(read('\x16\x03\x01')).toEqual({ kind: 'garbage', why: 'not-http' });
    expect(read('HTTP/1.1 abc\r\n\r\n')).toEqual({ kind: 'garbage', why: 'not-http' });
    expect(read('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n')).toEqual({ kind: 'garbage', why: 'not-http' });
  });

  it('gives up on a head longer than Node itself would accept', () => {
    expect(read(`HTTP/1.1 200 OK\r\nX: ${'a'.repeat(MAX_HEAD_BYTES)}`)).toEqual({ kind: 'garbage', why: 'too-large' });
  });

  it('joins repeated fields, unfolds folded ones, and keeps "__proto__" as a plain field', () => {
    const head = read('HTTP/1.1 200 OK\r\nVia: 1.1 a\r\nVia: 1.1 squid\r\nX-Long: one\r\n two\r\n__proto__: x\r\n\r\n');
    expect(head).toMatchObject({ kind: 'head', headers: { via: '1.1 a, 1.1 squid', 'x-long': 'one two' } });
    if (head.kind !== 'head') throw new Error('expected a head');
    expect(Object.getPrototypeOf(head.headers)).toBe(Object.prototype);
    expect(Object.hasOwn(head.headers, '__proto__')).toBe(true);
  });

  it('skips an interim 100 Continue and reads the answer after it', () => {
    expect(read('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n')).toMatchObject({ kind: 'head', status: 404 });
    expect(read('HTTP/1.1 100 Continue\r\n\r\n')).toEqual({ kind: 'incomplete' });
  });

  it('counts interim answers against the cap, from the first byte', () => {
    const interim = 'HTTP/1.1 100 Continue\r\n\r\n';
    expect(read(interim.repeat(Math.ceil(MAX_HEAD_BYTES / interim.length) + 1))).toEqual({ kind: 'garbage', why: 'too-large' });
    // Under the cap, interim answers are still skipped.
    expect(read(`${interim.repeat(100)}HTTP/1.1 204 No Content\r\n\r\n`)).toMatchObject({ kind: 'head', status: 204 });
  });

  it('never throws, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 300 }), (bytes, text) => {
        readResponseHead(Buffer.from(bytes));
        read(`HTTP/1.1 200 OK\r\n${text}\r\n\r\n`);
      }),
    );
  });
});

describe('ResponseHeadReader (chunk by chunk)', () => {
  const response = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nServer: x\r\n\r\nBODY';

  it('gives the same answer however the bytes are cut, and keeps what came after the head (property)', () => {
    const whole = Buffer.from(response, 'latin1');
    const expected = readResponseHead(whole);
    expect(expected).toMatchObject({ kind: 'head', status: 200, headers: { server: 'x' } });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: whole.length - 1 }), { maxLength: 20 }), (cuts) => {
        const reader = new ResponseHeadReader();
        let outcome = reader.push(Buffer.alloc(0));
        let last = 0;
        // As awaitResponseHead does: chunks go in until the head is there, the rest stays unread.
        for (const cut of [...cuts.sort((a, b) => a - b), whole.length]) {
          if (outcome.kind !== 'incomplete') break;
          outcome = reader.push(whole.subarray(last, cut));
          last = cut;
        }
        expect(outcome).toEqual(expected);
        expect(reader.rest().toString('latin1') + whole.subarray(last).toString('latin1')).toBe('BODY');
      }),
    );
  });

  it('agrees with reading all the bytes at once, for any bytes cut anywhere (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(400), (bytes, cut) => {
        const whole = Buffer.from(bytes);
        const at = Math.min(cut, whole.length);
        const reader = new ResponseHeadReader();
        reader.push(whole.subarray(0, at));
        expect(reader.push(whole.subarray(at))).toEqual(readResponseHead(whole));
      }),
    );
  });

  it('stops an endless stream of "100 Continue" within the cap, read from a live stream', async () => {
    const stream = new PassThrough();
    let settled: HeadWait | undefined;
    void awaitResponseHead(stream, AbortSignal.timeout(10_000)).then((wait) => (settled = wait));
    const interim = Buffer.from('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');
    let written = 0;
    // Bounded: a reader without a cap from the first byte would never settle, and the loop ends at 1 MiB.
    while (!settled && written < 1024 * 1024) {
      stream.write(interim);
      written += interim.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(settled).toEqual({ kind: 'garbage', why: 'too-large' });
    expect(written).toBeLessThanOrEqual(MAX_HEAD_BYTES + 2 * interim.length);
  });
});

describe('requestHead', () => {
  it('writes the request line and one line per field', () => {
    expect(requestHead('GET', '/bag', { Host: 'gs.apple.com', Connection: 'close' })).toBe(
      'GET /bag HTTP/1.1\r\nHost: gs.apple.com\r\nConnection: close\r\n\r\n',
    );
  });

  it('refuses a value or target that would end a line early', () => {
    expect(() => requestHead('GET', '/', { Host: 'a\r\nX-Injected: 1' })).toThrow(/line break/);
    expect(() => requestHead('GET', '/ HTTP/1.0\r\n', { Host: 'a' })).toThrow(/space or line break/);
    expect(() => requestHead('GET', '/', { 'Bad Name': 'x' })).toThrow(/line break/);
  });
});
