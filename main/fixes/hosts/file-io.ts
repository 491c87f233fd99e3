import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';

/** Above this a hosts file is not edited: something else is going on (the check says so). */
export const MAX_EDIT_BYTES = 16 * 1024 * 1024;

export type FileRead = { ok: true; bytes: Uint8Array; mode: number } | { ok: false; code: string; why: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The whole file, as bytes, with its permission bits; never throws. */
export async function readWhole(file: string): Promise<FileRead> {
  let handle;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, code: 'ENOTFILE', why: `${file} is not a regular file` };
    if (info.size > MAX_EDIT_BYTES) return { ok: false, code: 'ETOOBIG', why: `${file} is larger than ${MAX_EDIT_BYTES / 1024 / 1024} MB` };
    const bytes = new Uint8Array(info.size);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { ok: true, bytes: bytes.subarray(0, offset), mode: info.mode & 0o7777 };
  } catch (error) {
    return { ok: false, code: codeOf(error), why: describeFileError(file, error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces the file's content in place: opened without truncating ('r+', so a refused open
 * changes nothing), written from the start, then cut to the new length, then flushed. Not a
 * write-and-rename: the hosts file may be a bind mount (containers, network namespaces), where a
 * rename fails with EBUSY, and in place keeps its owner, permissions and ACLs too.
 */
export async function writeInPlace(
  file: string,
  bytes: Uint8Array,
): Promise<{ ok: true } | { ok: false; code: string; why: string; touched: boolean }> {
  let handle;
  let touched = false;
  try {
    handle = await open(file, 'r+');
    let offset = 0;
    while (offset < bytes.length) {
      touched = true;
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      offset += bytesWritten;
    }
    touched = true;
    await handle.truncate(bytes.length);
    await handle.sync();
    return { ok: true };
  } catch (error) {
    return { ok: false, code: codeOf(error), why: describeFileError(file, error), touched };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes a new file (never over an existing one) with the given permission bits. */
export async function writeNew(
  file: string,
  bytes: Uint8Array,
  mode: number,
): Promise<{ ok: true } | { ok: false; code: string; why: string }> {
  let handle;
  try {
    handle = await open(file, 'wx', mode);
    await handle.writeFile(bytes);
    await handle.sync();
    return { ok: true };
  } catch (error) {
    return { ok: false, code: codeOf(error), why: describeFileError(file, error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Whether the permission bits say nobody may write: someone protected the file on purpose. */
export function isMarkedReadOnly(mode: number): boolean {
  return (mode & 0o222) === 0;
}

export async function existsAsFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
}

function describeFileError(file: string, error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT':
      return `${file} does not exist`;
    case 'EACCES':
      return `not allowed to change ${file} (administrator rights are needed)`;
    case 'EPERM':
      return `the system refused to change ${file} (it may be protected, or security software such as Defender blocks edits to it)`;
    case 'EROFS':
      return `${file} is on a read-only file system`;
    case 'EEXIST':
      return `${file} already exists`;
    case 'EBUSY':
      return `${file} is busy (locked by another program)`;
    default:
      return `${file}: ${(error as Error).message}`;
  }
}
