import { describe, expect, it, vi } from 'vitest';
import { elevatedFixRequest, helperArguments, parseElevatedReply, runElevatedFix, ELEVATED_FIX_FLAG } from './elevated-helper';
import { elevationCommandLine, sudoPromptElevation, type SudoExec } from './elevation';
import { fakeSystem, fixEnvironment } from './fixtures/fake-system';
import { fingerprintOf } from './preview';
import { fixById } from './registry';

const APP = "C:\\Users\\O'Brien & Co 100%\\AppData\\Local\\Programs\\Sync Doctor\\Sync Doctor.exe";
const FINGERPRINT = '0123456789abcdef0123456789abcdef';

describe('the elevated command line', () => {
  it("Windows: every argument in double quotes, % doubled for the batch file; & and ' stay literal", () => {
    expect(elevationCommandLine([APP, ...helperArguments({ fixId: 'flush-dns', fingerprint: FINGERPRINT })], 'win32')).toBe(
      `"C:\\Users\\O'Brien & Co 100%%\\AppData\\Local\\Programs\\Sync Doctor\\Sync Doctor.exe" "${ELEVATED_FIX_FLAG}" "flush-dns" "--plan" "${FINGERPRINT}"`,
    );
  });

  it("macOS and Linux: single quotes, a ' closed and reopened", () => {
    expect(elevationCommandLine(["/Applications/Bob's Apps/Sync Doctor.app/Contents/MacOS/Sync Doctor", 'x'], 'darwin')).toBe(
      "'/Applications/Bob'\\''s Apps/Sync Doctor.app/Contents/MacOS/Sync Doctor' 'x'",
    );
  });

  it.each([
    ['linux', '/opt/$HOME/app'],
    ['linux', '/opt/`id`/app'],
    ['darwin', '/opt/a\\b'],
    ['win32', 'C:\\a"b'],
    ['win32', 'C:\\a\nb'],
  ] as const)('refuses on %s an app path like %j', (platform, arg) => {
    expect(elevationCommandLine([arg], platform)).toMatchObject({ problem: expect.any(String) });
  });
});

describe('sudoPromptElevation', () => {
  const reply = (result: object) => `noise\nsync-doctor-fix-result: ${JSON.stringify(result)}\n`;

  it("asks once, with the fix id and fingerprint only, and takes the helper's result (commands marked elevated)", async () => {
    const exec = vi.fn<SudoExec>((_command, _options, callback) =>
      callback(
        undefined,
        reply({
          outcome: { kind: 'applied' },
          commands: [{ argv: ['/usr/bin/killall', 'usbmuxd'], exitCode: 0, output: '', elevated: false }],
        }),
      ),
    );
    const result = await sudoPromptElevation(exec, ['/opt/Sync Doctor/sync-doctor'], 'linux')('restart-device-service', FINGERPRINT);
    expect(exec).toHaveBeenCalledTimes(1);
    expect(exec.mock.calls[0]![0]).toBe(
      `'/opt/Sync Doctor/sync-doctor' '${ELEVATED_FIX_FLAG}' 'restart-device-service' '--plan' '${FINGERPRINT}'`,
    );
    expect(exec.mock.calls[0]![1]).toEqual({ name: 'Sync Doctor' });
    expect(result).toEqual({
      outcome: { kind: 'applied' },
      commands: [{ argv: ['/usr/bin/killall', 'usbmuxd'], exitCode: 0, output: '', elevated: true }],
    });
  });

  it('a closed or refused prompt is "cancelled", not "failed"', async () => {
    const exec: SudoExec = (_command, _options, callback) => callback(new Error('User did not grant permission.'));
    await expect(sudoPromptElevation(exec, ['/opt/app'], 'darwin')('flush-dns', FINGERPRINT)).resolves.toEqual({
      outcome: { kind: 'cancelled' },
      commands: [],
    });
  });

  it('no answer, or an answer that is not a result, is a failure that says so', async () => {
    const silent: SudoExec = (_command, _options, callback) => callback(new Error('Command failed: boom'), '', '');
    await expect(sudoPromptElevation(silent, ['/opt/app'], 'linux')('flush-dns', FINGERPRINT)).resolves.toMatchObject({
      outcome: { kind: 'failed', why: expect.stringContaining('boom') },
    });
    expect(parseElevatedReply('sync-doctor-fix-result: {"outcome":{"kind":"rm -rf"},"commands":[]}')).toBeUndefined();
    expect(parseElevatedReply('sync-doctor-fix-result: not json')).toBeUndefined();
  });

  it('never asks when the app path cannot be quoted safely', async () => {
    const exec = vi.fn<SudoExec>();
    await expect(sudoPromptElevation(exec, ['/opt/$(id)/app'], 'linux')('flush-dns', FINGERPRINT)).resolves.toMatchObject({
      outcome: { kind: 'needs-admin' },
    });
    expect(exec).not.toHaveBeenCalled();
  });
});

describe('the elevated helper', () => {
  it('takes only a known fix id and a 32-hex fingerprint from its arguments', () => {
    expect(elevatedFixRequest(['app', ...helperArguments({ fixId: 'flush-dns', fingerprint: FINGERPRINT })])).toEqual({
      fixId: 'flush-dns',
      fingerprint: FINGERPRINT,
    });
    expect(elevatedFixRequest(['app'])).toBeUndefined();
    expect(elevatedFixRequest(['app', ELEVATED_FIX_FLAG, 'rm', '--plan', FINGERPRINT])).toBeUndefined();
    expect(elevatedFixRequest(['app', ELEVATED_FIX_FLAG, 'flush-dns', '--plan', 'nothex'])).toBeUndefined();
    expect(elevatedFixRequest(['app', ELEVATED_FIX_FLAG, 'flush-dns'])).toBeUndefined();
  });

  it('applies only the plan the preview showed', async () => {
    const system = fakeSystem({ '/usr/bin/dscacheutil -flushcache': {}, '/usr/bin/killall -HUP mDNSResponder': {} });
    const env = fixEnvironment('mac', system.run);
    const fix = fixById('flush-dns');
    const fingerprint = fingerprintOf(fix, await fix.prepare(env));
    const stale = parseElevatedReply(await runElevatedFix({ fixId: 'flush-dns', fingerprint: FINGERPRINT }, env));
    expect(stale?.outcome.kind).toBe('changed-since-preview');
    expect(system.calls).toEqual([]);
    const done = parseElevatedReply(await runElevatedFix({ fixId: 'flush-dns', fingerprint }, env));
    expect(done?.outcome).toEqual({ kind: 'applied' });
    expect(system.calls).toHaveLength(2);
  });
});
