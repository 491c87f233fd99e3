import { describe, expect, it } from 'vitest';
import { DEFAULT_SYSTEM_ROOT, isAbsoluteCommand, systemCommand, systemRoot, type SystemCommand } from './system-command';

describe('systemCommand', () => {
  it('puts Windows commands under %SystemRoot%\\System32', () => {
    const env = { SystemRoot: 'D:\\Win' };
    expect(systemCommand('reg', env)).toBe('D:\\Win\\System32\\reg.exe');
    expect(systemCommand('sc', env)).toBe('D:\\Win\\System32\\sc.exe');
    expect(systemCommand('netstat', env)).toBe('D:\\Win\\System32\\NETSTAT.EXE');
    expect(systemCommand('powershell', env)).toBe('D:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(systemCommand('reg', {})).toBe('C:\\Windows\\System32\\reg.exe');
  });

  it('gives macOS commands their fixed absolute paths', () => {
    expect(systemCommand('lsof')).toBe('/usr/sbin/lsof');
    expect(systemCommand('scutil')).toBe('/usr/sbin/scutil');
    expect(systemCommand('launchctl')).toBe('/bin/launchctl');
    expect(systemCommand('socketfilterfw')).toBe('/usr/libexec/ApplicationFirewall/socketfilterfw');
  });

  it('names every command by an absolute path, whatever the environment says', () => {
    const names: SystemCommand[] = ['sc', 'reg', 'netstat', 'powershell', 'lsof', 'scutil', 'launchctl', 'socketfilterfw'];
    for (const env of [{}, { SystemRoot: '.' }, { SystemRoot: 'Windows' }, { SystemRoot: 'E:/Windows/' }]) {
      for (const name of names) expect(isAbsoluteCommand(systemCommand(name, env)), `${name} ${JSON.stringify(env)}`).toBe(true);
    }
  });
});

describe('systemRoot', () => {
  it('takes %SystemRoot% (any case) or %windir% when it is a plain drive path', () => {
    expect(systemRoot({ SystemRoot: 'C:\\Windows' })).toBe('C:\\Windows');
    expect(systemRoot({ SYSTEMROOT: 'E:\\WINNT\\' })).toBe('E:\\WINNT');
    expect(systemRoot({ windir: 'D:\\Windows' })).toBe('D:\\Windows');
    expect(systemRoot({ SystemRoot: 'C:/Windows' })).toBe('C:/Windows');
  });

  it('falls back to C:\\Windows for a relative, UNC, climbing or odd value', () => {
    for (const hostile of [
      '.',
      'Windows',
      '..\\evil',
      'C:Windows',
      'C:\\Windows\\..\\Users\\me\\Downloads',
      'C:\\Windows\\.\\System32',
      '\\\\attacker\\share',
      '\\Windows',
      'C:\\Win%OTHER%',
      'C:\\Windows\\\\x',
      'C:\\Win\ndows',
      'C:\\Windows|calc',
    ]) {
      expect(systemRoot({ SystemRoot: hostile }), hostile).toBe(DEFAULT_SYSTEM_ROOT);
    }
    expect(systemRoot({})).toBe(DEFAULT_SYSTEM_ROOT);
  });
});
