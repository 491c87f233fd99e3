import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SystemOs } from '../../platform/system-os';
import type { UsbmuxEndpoint } from './endpoint';
import { exchange } from './exchange';
import { readPairRecord, readPairRecordRequest, replyOf, type UsbmuxDevice } from './messages';

/** Whether this computer holds a pairing record for a device ("Trust This Computer" was tapped). */
export type Trust = 'trusted' | 'not-trusted' | 'unknown';
export type TrustSource = 'usbmuxd' | 'lockdown folder';

export interface TrustFinding {
  trust: Trust;
  source: TrustSource | null;
}

export interface TrustContext {
  endpoint: UsbmuxEndpoint;
  /** The folder holding the pairing records, asked when the daemon gives no clear answer. */
  lockdownDir: string;
  signal: AbortSignal;
  deadlineMs: number;
}

/** Where the pairing records live: %ProgramData%\Apple\Lockdown, /var/db/lockdown, /var/lib/lockdown. */
export function lockdownDir(os: SystemOs, env: NodeJS.ProcessEnv = process.env): string {
  switch (os) {
    case 'windows':
      return path.win32.join(env['ProgramData'] || 'C:\\ProgramData', 'Apple', 'Lockdown');
    case 'mac':
      return '/var/db/lockdown';
    case 'linux':
    case 'other':
      return '/var/lib/lockdown';
  }
}

/**
 * The ids a pairing record may be filed under. Newer devices have 24-character UDIDs that some
 * daemons report without the dash libimobiledevice files them with (00008030-001A...).
 */
export function recordIds(udid: string): string[] {
  return /^[0-9A-Fa-f]{24}$/.test(udid) ? [udid, `${udid.slice(0, 8)}-${udid.slice(8)}`] : [udid];
}

/** Asks the daemon for the device's pairing record (ReadPairRecord); the lockdown folder when it gives no clear answer. */
export async function trustOf(device: UsbmuxDevice, tag: number, context: TrustContext): Promise<TrustFinding> {
  const ids = recordIds(device.udid);
  let daemonAnswered = false;
  for (const id of ids) {
    const outcome = await exchange(context.endpoint, readPairRecordRequest(tag, id), context);
    if (outcome.kind === 'cancelled') return { trust: 'unknown', source: null };
    if (outcome.kind !== 'reply') break;
    const record = readPairRecord(replyOf(outcome.header, outcome.body, tag));
    if (record.kind === 'present') return { trust: 'trusted', source: 'usbmuxd' };
    if (record.kind === 'not-understood') break;
    daemonAnswered = true;
  }
  if (daemonAnswered) return { trust: 'not-trusted', source: 'usbmuxd' };
  if (context.signal.aborted) return { trust: 'unknown', source: null };
  return trustFromFolder(ids, context.lockdownDir);
}

/** `<dir>/<UDID>.plist` exists: trusted; the folder is readable and has none: not trusted; else unknown. */
async function trustFromFolder(ids: readonly string[], dir: string): Promise<TrustFinding> {
  // Only plain ids become file names: a daemon's odd answer must not point the lookup elsewhere.
  const safe = ids.filter((id) => /^[0-9A-Za-z-]{8,64}$/.test(id));
  if (safe.length === 0) return { trust: 'unknown', source: null };
  for (const id of safe) {
    const found = await stat(path.join(dir, `${id}.plist`)).then(
      (info) => (info.isFile() ? 'yes' : 'no'),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'no' : 'unreadable'),
    );
    if (found === 'yes') return { trust: 'trusted', source: 'lockdown folder' };
    if (found === 'unreadable') return { trust: 'unknown', source: null };
  }
  const folder = await stat(dir).then(
    (info) => (info.isDirectory() ? 'there' : 'odd'),
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'missing' : 'odd'),
  );
  // A missing folder holds no records either: this computer has never been trusted by a device.
  return folder === 'odd' ? { trust: 'unknown', source: null } : { trust: 'not-trusted', source: 'lockdown folder' };
}
