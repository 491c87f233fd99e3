// The error code a person saw in iTunes, Finder or the Apple Devices app: "3194", "-54",
// "0xE8000015". Checked wherever it enters (the CLI's --error, the app's field, IPC), by the one
// reading of codes the error-code data uses (app/catalog/error-codes.ts).
import { parseErrorCode } from '../catalog/error-codes';

/** Long enough for "error 0xE8000015" or "(-402653163)"; a field or IPC payload longer is refused. */
export const ERROR_CODE_MAX_LENGTH = 24;

/** The code as written in Apple's lists (hex digits upper-case), or undefined when it is not one. */
export function normalizeErrorCode(raw: string): string | undefined {
  if (raw.length > ERROR_CODE_MAX_LENGTH) return undefined;
  const parsed = parseErrorCode(raw);
  return parsed.ok ? parsed.code : undefined;
}

export const ERROR_CODE_HINT = 'an error number such as 3194, -54 or 0xE8000015';
