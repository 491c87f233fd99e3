import { describe, expect, it } from 'vitest';
import { isExpectedIssuer } from './issuers';

describe('isExpectedIssuer: the exact issuer rule', () => {
  const expected = ['DigiCert Inc', 'DigiCert, Inc.', 'Contoso Root CA'];

  it.each([
    ['the organisation, exactly', { organization: 'DigiCert Inc', commonName: 'DigiCert Global Root G2' }],
    ['the other spelling the list names', { organization: 'DigiCert, Inc.', commonName: 'DigiCert TLS RSA4096 Root G5' }],
    ['the organisation in another case, with odd spacing', { organization: '  digicert\tINC ', commonName: 'x' }],
    ['the common name, exactly', { organization: 'Contoso', commonName: 'Contoso Root CA' }],
    ['a common name alone', { commonName: 'contoso  root ca' }],
  ])('accepts %s', (_what, issuer) => {
    expect(isExpectedIssuer(expected, issuer)).toBe(true);
  });

  it.each([
    [
      'a name that contains an expected one',
      { organization: 'Contoso Web Shield CA (not DigiCert Inc)', commonName: 'Contoso Web Shield CA' },
    ],
    ['a name that starts with an expected one', { organization: 'DigiCert Inc Evil', commonName: 'DigiCert Evil' }],
    ['part of an expected name', { organization: 'DigiCert', commonName: 'Contoso Root' }],
    ['a spelling the list does not name', { organization: 'DigiCert Inc.', commonName: 'DigiCert Global Root G2' }],
    ['no names at all', {}],
  ])('refuses %s', (_what, issuer) => {
    expect(isExpectedIssuer(expected, issuer)).toBe(false);
  });
});
