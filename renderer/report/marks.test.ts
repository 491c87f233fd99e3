import { describe, expect, it } from 'vitest';
import { hiddenSummary, markPattern, splitMarks } from './marks';

describe('marking placeholders', () => {
  it('splits text at each placeholder, the longest first', () => {
    const matcher = markPattern([
      { text: '[user-1]', kind: 'user-name' },
      { text: '[user-10]', kind: 'user-name' },
      { text: '\\~', kind: 'home-folder' },
    ]);
    expect(splitMarks('a [user-10] b \\~\\x [user-1]', matcher)).toEqual([
      { text: 'a ' },
      { text: '[user-10]', kind: 'user-name' },
      { text: ' b ' },
      { text: '\\~', kind: 'home-folder' },
      { text: '\\x ' },
      { text: '[user-1]', kind: 'user-name' },
    ]);
    expect(splitMarks('nothing hidden', markPattern([]))).toEqual([{ text: 'nothing hidden' }]);
  });

  it('sums up what was hidden per kind', () => {
    expect(
      hiddenSummary([
        { kind: 'ip-address', placeholder: '[private-ip-1]' },
        { kind: 'ip-address', placeholder: '[link-local-ipv6-1]' },
        { kind: 'home-folder', placeholder: '~' },
        { kind: 'serial', placeholder: '[serial …CD12]' },
      ]),
    ).toEqual(['home folder paths', '1 serial number', '2 local network addresses']);
  });
});
