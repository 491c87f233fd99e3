import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeFrame, FrameCollector, HEADER_BYTES, MAX_FRAME_BYTES, readFrame, type FrameRead } from './frame';
import { plistBody, readPlist } from './plist-body';

/** Cuts `bytes` into non-empty pieces at the given offsets (as a socket would deliver them). */
function chunksOf(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

function feed(collector: FrameCollector, chunks: readonly Buffer[]): FrameRead[] {
  return chunks.map((chunk) => collector.push(chunk));
}

describe('usbmux frames', () => {
  it('writes the 16-byte little-endian header libusbmuxd writes: length with header, version 1, type 8, tag', () => {
    const frame = encodeFrame(0x01020304, Buffer.from('<plist/>'));
    expect(frame.subarray(0, HEADER_BYTES)).toEqual(Buffer.from([24, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0x04, 0x03, 0x02, 0x01]));
    expect(frame.subarray(HEADER_BYTES).toString()).toBe('<plist/>');
  });

  it('reads back what it writes, however the bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (tag, body, cuts) => {
          const frame = encodeFrame(tag, Buffer.from(body));
          const reads = feed(new FrameCollector(), chunksOf(frame, cuts));
          const last = reads.at(-1)!;
          expect(last.kind).toBe('frame');
          if (last.kind !== 'frame') return;
          expect(last.header).toEqual({ length: frame.length, version: 1, type: 8, tag });
          expect(Buffer.compare(last.body, Buffer.from(body))).toBe(0);
          // Nothing before the last piece claimed a frame.
          expect(reads.slice(0, -1).every((read) => read.kind === 'incomplete')).toBe(true);
        },
      ),
    );
  });

  it('refuses a header that cannot start a reply as soon as it is in', () => {
    const http = Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n');
    expect(readFrame(http)).toEqual({ kind: 'invalid', why: expect.stringContaining('more than the 1048576') });
    const tooShort = Buffer.alloc(16);
    tooShort.writeUInt32LE(8, 0);
    expect(readFrame(tooShort)).toEqual({ kind: 'invalid', why: expect.stringContaining('fewer than its own 16-byte header') });
    const oddType = encodeFrame(1, Buffer.alloc(4));
    oddType.writeUInt32LE(3, 8);
    expect(readFrame(oddType)).toMatchObject({ kind: 'invalid', why: 'message type 3, which is not a reply' });
    const oddVersion = encodeFrame(1, Buffer.alloc(4));
    oddVersion.writeUInt32LE(7, 4);
    expect(readFrame(oddVersion)).toMatchObject({ kind: 'invalid', why: 'protocol version 7, which usbmux does not have' });
  });

  it('says how much of a frame is missing, and ignores what follows a whole one', () => {
    const frame = encodeFrame(5, Buffer.from('0123456789'));
    expect(readFrame(frame.subarray(0, 10))).toEqual({ kind: 'incomplete', missing: 6 });
    expect(readFrame(frame.subarray(0, 20))).toEqual({ kind: 'incomplete', missing: 6 });
    const collector = new FrameCollector();
    expect(collector.push(Buffer.concat([frame, Buffer.from('trailing bytes')]))).toMatchObject({ kind: 'frame' });
    expect(collector.received).toBe(frame.length);
  });

  it('random bytes in random pieces never throw, settle once, and never hold more than one frame', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          // Plausible headers with random lengths, types and bodies: the interesting corner.
          fc
            .tuple(fc.integer({ min: 0, max: 5000 }), fc.nat({ max: 9 }), fc.nat({ max: 9 }), fc.uint8Array({ maxLength: 3000 }))
            .map(([length, version, type, rest]) => {
              const header = Buffer.alloc(16);
              header.writeUInt32LE(length, 0);
              header.writeUInt32LE(version, 4);
              header.writeUInt32LE(type, 8);
              return new Uint8Array(Buffer.concat([header, Buffer.from(rest)]));
            }),
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 16, max: 4096 }),
        (bytes, cuts, max) => {
          const collector = new FrameCollector(max);
          const reads = feed(collector, chunksOf(Buffer.from(bytes), cuts));
          const settledAt = reads.findIndex((read) => read.kind !== 'incomplete');
          if (settledAt >= 0) for (const later of reads.slice(settledAt)) expect(later).toEqual(reads[settledAt]);
          for (const read of reads) {
            if (read.kind === 'frame') expect(read.header.length).toBeLessThanOrEqual(max);
            if (read.kind === 'incomplete') expect(read.missing).toBeGreaterThan(0);
          }
          expect(collector.received).toBeLessThanOrEqual(bytes.length);
          expect(readFrame(Buffer.from(bytes), max).kind).toBe(reads.at(-1)?.kind ?? 'incomplete');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a frame trickling in one byte at a time is read once, whole', () => {
    const frame = encodeFrame(9, Buffer.alloc(50_000, 0x41));
    const collector = new FrameCollector();
    let last: FrameRead | undefined;
    for (let i = 0; i < frame.length; i++) last = collector.push(frame.subarray(i, i + 1));
    expect(last).toMatchObject({ kind: 'frame', header: { tag: 9, length: frame.length } });
    expect(MAX_FRAME_BYTES).toBeGreaterThan(frame.length);
  });
});

describe('plist bodies', () => {
  afterEach(() => vi.restoreAllMocks());

  it('round-trips a request body through plist.js', () => {
    expect(readPlist(plistBody({ MessageType: 'ListDevices', kLibUSBMuxVersion: 3 }))).toEqual({
      kind: 'plist',
      value: { MessageType: 'ListDevices', kLibUSBMuxVersion: 3 },
    });
  });

  it('reads binary plists too, and says plainly what is not a plist', () => {
    expect(readPlist(Buffer.from('bplist00garbage'))).toEqual({ kind: 'not-plist', why: 'the binary property list is malformed' });
    expect(readPlist(Buffer.from('HTTP/1.1 200 OK'))).toEqual({ kind: 'not-plist', why: 'the body is not XML' });
    expect(readPlist(Buffer.from('<html><body>hi</body></html>'))).toMatchObject({ kind: 'not-plist' });
    expect(readPlist(Buffer.from('<plist><dict><key>a</key>'))).toMatchObject({ kind: 'not-plist' });
    expect(readPlist(Buffer.from('<plist><dict><key>__proto__</key><true/></dict></plist>'))).toMatchObject({ kind: 'not-plist' });
  });

  it('random bodies never throw and never print to the console', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const xmlish = fc
      .array(
        fc.constantFrom(
          '<plist>',
          '</plist>',
          '<dict>',
          '</dict>',
          '<key>',
          '</key>',
          'x',
          '<array/>',
          '<integer>',
          '1',
          '<data>',
          '&',
          '<!',
          '<?xml',
        ),
        {
          maxLength: 30,
        },
      )
      .map((parts) => new Uint8Array(Buffer.from(parts.join(''))));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), xmlish), (bytes) => {
        const read = readPlist(Buffer.from(bytes));
        expect(['plist', 'not-plist']).toContain(read.kind);
      }),
      { numRuns: 500 },
    );
    expect(printed).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
  });
});
