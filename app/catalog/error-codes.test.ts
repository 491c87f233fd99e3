import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../diagnosis/finding';
import { builtinErrorCodes, lookupErrorCode, parseErrorCode } from './error-codes';
import { errorCodesSchema } from './error-codes-schema';

describe('error-codes.json', () => {
  it('passes its schema', () => {
    const parsed = errorCodesSchema.safeParse(builtinErrorCodes());
    expect(parsed.success ? 'valid' : parsed.error.issues).toBe('valid');
  });

  it('lists no code twice', () => {
    const codes = builtinErrorCodes().entries.flatMap((entry) => entry.codes ?? []);
    expect(codes.length).toBe(new Set(codes).size);
  });

  it.each([
    '3194',
    '1013',
    '3002',
    '3004',
    '3200',
    '3014',
    '3999',
    '2',
    '4',
    '6',
    '1611',
    '9006',
    '20',
    '33',
    '40',
    '9',
    '4005',
    '4013',
    '4014',
    '1',
    '3',
    '10',
    '14',
    '16',
    '27',
    '35',
    '53',
    '56',
    '1002',
    '1004',
    '1011',
    '1012',
    '1014',
    '1667',
    '1669',
    '1015',
    '1671',
    '4037',
    '0xE8000015',
    '0xE800000A',
    '2001',
    '2009',
    '2011',
    '-54',
    '-39',
    '-50',
    '13019',
    '9808',
    '1109',
    '1600',
    '17',
    '1638',
  ])('knows %s', (code) => {
    expect(lookupErrorCode(code)).toBeDefined();
  });

  it('prefers a listed code over a range that holds it (27 is hardware, not security software)', () => {
    expect(lookupErrorCode('27')?.title).toMatch(/hardware/i);
    expect(lookupErrorCode('26')?.title).toMatch(/security software/i);
  });

  it('gives 3194 the network causes and Apple refusing to sign', () => {
    const causes = lookupErrorCode('3194')!.causes.map((cause) => cause.id);
    expect(causes).toEqual(
      expect.arrayContaining([
        'hosts-file-redirect',
        'firewall-blocks-apple',
        'https-inspection',
        'proxy-blocks-apple',
        'apple-not-signing',
      ]),
    );
    expect(lookupErrorCode('3194')!.whenChecksPass).toMatch(/[Nn]othing on this computer can fix/);
  });

  it('offers "try again later" for the launch-day codes', () => {
    for (const code of ['3002', '3004', '3200']) expect(lookupErrorCode(code)!.causes[0]!.id).toBe('apple-servers-busy');
  });

  it('ties the trust errors to the device check', () => {
    const trust = lookupErrorCode('0xE8000015')!.causes.find((cause) => cause.id === 'device-not-trusted');
    expect(trust?.checks).toContain('device:usbmux');
  });

  it('names only real findings as causes', () => {
    const known = new Set<string>([...FINDING_IDS, ...Object.keys(builtinErrorCodes().otherCauses)]);
    for (const entry of builtinErrorCodes().entries) for (const cause of entry.causes) expect(known.has(cause.id)).toBe(true);
  });
});

describe('parseErrorCode', () => {
  it.each([
    ['3194', '3194'],
    [' 3194 ', '3194'],
    ['(-54)', '-54'],
    ['error 4013', '4013'],
    ['0xe8000015', '0xE8000015'],
    ['0XE800000A', '0xE800000A'],
    ['-402653163', '0xE8000015'],
    ['3892314133', '0xE8000015'],
    ['007', '7'],
  ])('reads %j as %s', (raw, code) => {
    expect(parseErrorCode(raw)).toEqual({ ok: true, code });
  });

  it.each(['', 'abc', '31 94', '0x', '0xZZ', '1e5', '3194;rm -rf', '12345678901', '--help', '0x123456789'])('refuses %j', (raw) => {
    expect(parseErrorCode(raw)).toEqual({ ok: false });
  });
});
