import type { Timings } from '../../../app/contract/check';
import { elapsedSince } from '../../platform/deadline';
import { emptyFindings, type Findings, type Stage } from './ending';

const TIMING_OF: Record<Stage, keyof Timings> = { dns: 'dnsMs', tcp: 'tcpMs', tls: 'tlsMs', http: 'httpMs' };

/**
 * Where a running check is: the stage in flight and what the stages before it found. The runner
 * may have to report a check that overran its deadline before the check can report itself; this
 * is what that report is built from.
 */
export class Progress {
  stage: Stage = 'dns';
  readonly findings: Findings = emptyFindings();
  private enteredAt = performance.now();

  enter(stage: Stage): void {
    this.stage = stage;
    this.enteredAt = performance.now();
  }

  /** The findings so far, with the stage in flight timed up to now. */
  inFlight(): Findings {
    const timing = TIMING_OF[this.stage];
    return {
      ...this.findings,
      timings: { ...this.findings.timings, [timing]: this.findings.timings[timing] ?? elapsedSince(this.enteredAt) },
    };
  }
}
