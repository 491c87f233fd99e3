import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { FixOutcome } from '../../../app/fixes/attempt';
import type { FixStep, LineChange } from '../../../app/fixes/preview';
import type { FixDefinition, FixEnvironment, FixResult, PreparedFix } from '../definition';
import { windowsSystemRoot } from '../commands';
import { blockedFix } from '../steps';
import { planHostsEdit } from './edit';
import { isMarkedReadOnly, readWhole, sha256, writeInPlace, writeNew, type FileRead } from './file-io';

const FIX_ID = 'remove-hosts-redirects' as const;

export const removeHostsRedirects: FixDefinition = {
  id: FIX_ID,
  answers: ['hosts-file-redirect'],
  title: 'Remove the hosts-file lines that redirect Apple servers',
  changes:
    "Removes from the hosts file only the lines (or the names on a line) that send Apple's servers somewhere else; every other line stays exactly as it is. The file is backed up first.",
  platforms: ['windows', 'mac', 'linux'],
  undoable: true,
  guidance: false,
  needsAdmin: () => true,
  recheck: ['hosts:file', 'hosts:apple'],
  prepare: prepareRemoval,
  prepareUndo: prepareRestore,
};

async function prepareRemoval(env: FixEnvironment): Promise<PreparedFix> {
  const file = await env.hostsFile(env.signal);
  const read = await readWhole(file);
  if (!read.ok) return blockedFix(`The hosts file cannot be read: ${read.why}.`, [], 'failed');
  const edit = planHostsEdit(read.bytes, env.watch);
  if (edit.changes.length === 0) {
    return blockedFix(`No line of ${file} sends Apple's servers elsewhere: nothing to remove.`);
  }
  const backup = path.join(env.backupDir ?? path.dirname(file), `${path.basename(file)}.sync-doctor-${stamp(env.now())}.bak`);
  const kept = edit.kept.length
    ? ` Kept: ${edit.kept.map((line) => `line ${line.line} (${line.name})`).join(', ')}: Apple names sync does not need, probably an ad blocker's.`
    : '';
  const step: FixStep = {
    kind: 'edit-file',
    file,
    backup,
    changes: edit.changes,
    purpose: `The encoding (${edit.encoding}) and every line ending stay as they are.${kept}`,
  };
  if (isMarkedReadOnly(read.mode)) {
    return blockedFix(
      `${file} is marked read-only: someone protected it on purpose, and Sync Doctor leaves that alone. Clear "Read-only" (Windows: the file's Properties; macOS/Linux: chmod u+w) and preview again.`,
      [step],
      'failed',
    );
  }
  const before = read.bytes;
  return {
    steps: [step],
    needsAdmin: await needsAdminFor(file, path.dirname(backup), env),
    identity: sha256(before),
    apply: async () => {
      const result = await replaceContent(file, before, edit.bytes, backup, read.mode);
      if (result.outcome.kind === 'applied') {
        await env.undo.save({ fixId: FIX_ID, at: env.now().toISOString(), data: { file, backup, written: sha256(edit.bytes) } });
      }
      return result;
    },
  };
}

async function prepareRestore(env: FixEnvironment): Promise<PreparedFix> {
  const record = await env.undo.load(FIX_ID);
  if (!record) return blockedFix(`Sync Doctor has no record of removing hosts-file lines here (records are kept in ${env.undo.dir}).`);
  const { file, backup, written } = record.data;
  if (!file || !backup || !written || !isOurBackup(file, backup, env.backupDir)) {
    return blockedFix('The undo record does not name a Sync Doctor backup of the hosts file; nothing was changed.', [], 'failed');
  }
  const [current, saved] = await Promise.all([readWhole(file), readWhole(backup)]);
  if (!saved.ok) return blockedFix(`The backup cannot be read: ${saved.why}.`, [], 'failed');
  if (!current.ok) return blockedFix(`The hosts file cannot be read: ${current.why}.`, [], 'failed');
  if (sha256(current.bytes) !== written) {
    return blockedFix(
      `${file} has changed since Sync Doctor edited it (${record.at}); putting the backup back would lose those changes. The backup is ${backup}: copy lines from it by hand if you need them.`,
      [],
      'failed',
    );
  }
  const restored: LineChange[] = planHostsEdit(saved.bytes, env.watch).changes.map((change) => ({
    line: change.line,
    before: change.after ?? '',
    after: change.before,
  }));
  const step: FixStep = {
    kind: 'edit-file',
    file,
    backup,
    changes: restored,
    purpose: `Put the content of ${backup} back into ${file}, in place.`,
  };
  return {
    steps: [step],
    needsAdmin: await needsAdminFor(file, path.dirname(backup), env),
    identity: sha256(current.bytes),
    apply: async () => {
      const result = await replaceContent(file, current.bytes, saved.bytes);
      if (result.outcome.kind === 'applied') await env.undo.forget(FIX_ID);
      return { ...result, backup };
    },
  };
}

/**
 * Re-reads the file and stops if it is not what the preview saw; backs it up (when asked) and
 * checks the backup; writes in place; reads back. A write that reads back wrong is undone.
 */
async function replaceContent(file: string, expected: Uint8Array, next: Uint8Array, backup?: string, mode = 0o644): Promise<FixResult> {
  const fail = (outcome: FixOutcome): FixResult => ({ outcome, commands: [], ...(backup ? { backup } : {}) });
  const now = await readWhole(file);
  if (!now.ok) return fail({ kind: 'failed', why: `the hosts file cannot be read: ${now.why}` });
  if (!sameBytes(now.bytes, expected)) {
    return fail({ kind: 'changed-since-preview', why: `${file} changed since the preview; nothing was changed. Preview again.` });
  }
  if (backup) {
    const saved = await writeNew(backup, expected, mode & 0o666);
    if (!saved.ok) return { outcome: refusal(saved.code, `the backup could not be written: ${saved.why}`), commands: [] };
    const check = await readWhole(backup);
    if (!check.ok || !sameBytes(check.bytes, expected)) {
      return {
        outcome: { kind: 'failed', why: `the backup ${backup} did not read back as written; the hosts file was not changed` },
        commands: [],
      };
    }
  }
  const written = await writeInPlace(file, next);
  if (!written.ok) {
    if (written.touched) await writeInPlace(file, expected);
    return fail(refusal(written.code, written.why));
  }
  const after: FileRead = await readWhole(file);
  if (!after.ok || !sameBytes(after.bytes, next)) {
    await writeInPlace(file, expected);
    return fail({
      kind: 'failed',
      why: `${file} did not read back as written (something else changed it or blocked the write); the old content was put back`,
    });
  }
  return { outcome: { kind: 'applied' }, commands: [], ...(backup ? { backup } : {}) };
}

function refusal(code: string, why: string): FixOutcome {
  return code === 'EACCES' ? { kind: 'needs-admin', why } : { kind: 'failed', why };
}

/** A backup this fix names: beside the file (or in the backup folder), with this fix's name pattern. */
function isOurBackup(file: string, backup: string, backupDir: string | undefined): boolean {
  const folder = path.dirname(backup);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(file))}\\.sync-doctor-\\d{8}T\\d{6}(\\d{3})?Z\\.bak$`);
  return (folder === path.dirname(file) || folder === backupDir) && pattern.test(path.basename(backup));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * Whether changing the file takes administrator rights. On Windows the permission bits say
 * nothing about ACLs, so the system's own folder always counts as protected.
 */
async function needsAdminFor(file: string, backupFolder: string, env: FixEnvironment): Promise<boolean> {
  if (env.os === 'windows') {
    const root = windowsSystemRoot(env.env);
    const inSystem = (target: string) => root.ok && target.toLowerCase().startsWith(`${root.path.toLowerCase()}\\`);
    if (inSystem(file) || inSystem(backupFolder)) return true;
  }
  return !(await writable(file)) || !(await writable(backupFolder));
}

async function writable(target: string): Promise<boolean> {
  return access(target, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** 20261202T095300123Z: sorts by time, safe in a file name on every OS; to the millisecond, so an undo and a new fix in the same second do not collide. */
function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');
}
