import selfsigned from 'selfsigned';

export interface KeyPair {
  cert: string;
  key: string;
}

/** A server certificate for these names, signed by `ca` (self-signed without one); EC keys are quick to make. */
export async function leafCertificate(
  names: readonly string[],
  ca: KeyPair | undefined,
  from: number,
  to: number,
  organization: string,
): Promise<KeyPair> {
  const pems = await selfsigned.generate(
    [
      { name: 'commonName', value: names[0] ?? 'localhost' },
      { name: 'organizationName', value: organization },
    ],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(from),
      notAfterDate: new Date(to),
      ...(ca ? { ca: { cert: ca.cert, key: ca.key } } : {}),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}
