import { open } from 'node:fs/promises';
import path from 'node:path';
import { systemRoot } from '../../platform/system-command';
import { decodeHostsBytes, type DecodedText } from './decode';
import { parseHosts, type ParsedHosts } from './parse';

/** Above this the file is read only in part: a hosts file that big is itself a finding. */
export const MAX_HOSTS_BYTES = 16 * 1024 * 1024;
/** Bigger than this is unusual (block lists) and slows name lookups on Windows. */
export const LARGE_HOSTS_BYTES = 1024 * 1024;

export type HostsRead =
  | { kind: 'read'; file: string; size: number; truncated: boolean; decoded: DecodedText; parsed: ParsedHosts }
  | { kind: 'unreadable'; file: string; why: string; code: string };

export function systemHostsPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') {
    return path.win32.join(systemRoot(env), 'System32', 'drivers', 'etc', 'hosts');
  }
  return '/etc/hosts';
}

/** Reads and parses a hosts file; never throws. */
export async function readHostsFile(file: string): Promise<HostsRead> {
  let handle;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'unreadable', file, why: 'it is not a regular file', code: 'ENOTFILE' };
    const length = Math.min(info.size, MAX_HOSTS_BYTES);
    const buffer = Buffer.alloc(length);
    let offset = 0;
    while (offset < length) {
      const { bytesRead } = await handle.read(buffer, offset, length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    const decoded = decodeHostsBytes(buffer.subarray(0, offset));
    return { kind: 'read', file, size: info.size, truncated: info.size > MAX_HOSTS_BYTES, decoded, parsed: parseHosts(decoded.text) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
    const why =
      code === 'ENOENT'
        ? 'the file does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied (security software sometimes locks it)'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : `${(error as Error).message}`;
    return { kind: 'unreadable', file, why, code };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
