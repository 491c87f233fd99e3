// usbmux framing: a 16-byte little-endian header (total length with the header, protocol
// version, message type, tag) and then the body. Pure: no sockets here.

export const HEADER_BYTES = 16;
/** Version 1: plist bodies (version 0 is the older binary protocol). */
const PLIST_VERSION = 1;
/** Message type 8: the body is a property list. */
export const PLIST_MESSAGE = 8;
/** Message type 1 in the binary protocol: a 4-byte result number. */
export const RESULT_MESSAGE = 1;
/**
 * The largest reply accepted. A device list is a few hundred bytes a device and a pairing record
 * about ten kilobytes; a megabyte leaves room for many devices and none for a runaway.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

export interface FrameHeader {
  length: number;
  version: number;
  type: number;
  tag: number;
}

export type FrameRead =
  | { kind: 'frame'; header: FrameHeader; body: Buffer }
  /** More bytes are needed; `missing` is how many, when the header says (else up to the header). */
  | { kind: 'incomplete'; missing: number }
  | { kind: 'invalid'; why: string };

export function encodeFrame(tag: number, body: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(HEADER_BYTES + body.length, 0);
  header.writeUInt32LE(PLIST_VERSION, 4);
  header.writeUInt32LE(PLIST_MESSAGE, 8);
  header.writeUInt32LE(tag >>> 0, 12);
  return Buffer.concat([header, body]);
}

function decodeHeader(bytes: Buffer): FrameHeader {
  return {
    length: bytes.readUInt32LE(0),
    version: bytes.readUInt32LE(4),
    type: bytes.readUInt32LE(8),
    tag: bytes.readUInt32LE(12),
  };
}

/** Whether a header can start a usbmux reply; the reason in words when it cannot. */
function headerProblem(header: FrameHeader, maxFrameBytes: number): string | undefined {
  if (header.length < HEADER_BYTES) return `a frame that declares ${header.length} bytes, fewer than its own 16-byte header`;
  if (header.length > maxFrameBytes) return `a frame that declares ${header.length} bytes, more than the ${maxFrameBytes} a reply can be`;
  if (header.version > PLIST_VERSION) return `protocol version ${header.version}, which usbmux does not have`;
  if (header.type !== PLIST_MESSAGE && header.type !== RESULT_MESSAGE) return `message type ${header.type}, which is not a reply`;
  return undefined;
}

/** The first frame in `bytes`, or how many more bytes it needs, or why it cannot be one. */
export function readFrame(bytes: Buffer, maxFrameBytes = MAX_FRAME_BYTES): FrameRead {
  if (bytes.length < HEADER_BYTES) return { kind: 'incomplete', missing: HEADER_BYTES - bytes.length };
  const header = decodeHeader(bytes);
  const problem = headerProblem(header, maxFrameBytes);
  if (problem) return { kind: 'invalid', why: problem };
  if (bytes.length < header.length) return { kind: 'incomplete', missing: header.length - bytes.length };
  return { kind: 'frame', header, body: Buffer.from(bytes.subarray(HEADER_BYTES, header.length)) };
}

/**
 * Collects chunks as they arrive until one frame is whole. The header is checked as soon as it is
 * in, so a peer announcing gigabytes is refused at once; after that the chunks are joined only
 * when the frame is complete, so a reply trickling in byte by byte costs no more than one copy.
 */
export class FrameCollector {
  private chunks: Buffer[] = [];
  private total = 0;
  /** The frame's length, once its header is in. */
  private expected: number | undefined;
  private settled: FrameRead | undefined;

  constructor(private readonly maxFrameBytes = MAX_FRAME_BYTES) {}

  /** Bytes received so far, up to the end of the frame (what follows it is not ours to read). */
  get received(): number {
    return this.expected === undefined ? this.total : Math.min(this.total, this.expected);
  }

  push(chunk: Buffer): FrameRead {
    if (this.settled) return this.settled;
    this.chunks.push(chunk);
    this.total += chunk.length;
    if (this.expected === undefined) {
      if (this.total < HEADER_BYTES) return { kind: 'incomplete', missing: HEADER_BYTES - this.total };
      const joined = Buffer.concat(this.chunks);
      this.chunks = [joined];
      const read = readFrame(joined, this.maxFrameBytes);
      if (read.kind !== 'incomplete') return this.settle(read);
      this.expected = decodeHeader(joined).length;
      return read;
    }
    if (this.total < this.expected) return { kind: 'incomplete', missing: this.expected - this.total };
    return this.settle(readFrame(Buffer.concat(this.chunks), this.maxFrameBytes));
  }

  private settle(read: FrameRead): FrameRead {
    if (read.kind === 'frame') this.expected = read.header.length;
    this.chunks = [];
    this.settled = read;
    return read;
  }
}
