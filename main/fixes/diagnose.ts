import type { CheckResult } from '../../app/contract/check';
import type { Finding } from '../../app/diagnosis/finding';

/** The diagnosis (app/diagnosis/diagnose.ts): checks in, findings out, most likely first. */
export type Diagnose = (checks: readonly CheckResult[]) => Finding[];
