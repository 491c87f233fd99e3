// The error code a person saw in iTunes, Finder or the Apple Devices app: "3194", "-54",
// "0xE8000015". Checked wherever it enters (the CLI's --error, the app's field, IPC).

export const ERROR_CODE_MAX_LENGTH = 12;
const ERROR_CODE = /^(?:-?\d{1,6}|0x[0-9a-f]{1,8})$/i;

/** The code as written in Apple's lists (hex digits upper-case), or undefined when it is not one. */
export function normalizeErrorCode(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/^error\s*/i, '');
  if (!ERROR_CODE.test(trimmed)) return undefined;
  return trimmed.toLowerCase().startsWith('0x') ? `0x${trimmed.slice(2).toUpperCase()}` : trimmed;
}

export const ERROR_CODE_HINT = 'an error number such as 3194, -54 or 0xE8000015';
