import { memo } from 'react';
import type { Confidence, Finding } from '../../app/diagnosis/finding';
import { useAppStore } from '../store/context';
import { LayerChips } from './LayerChips';
import { StatusMark } from './StatusMark';

/** How sure a finding is, in words. */
export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  high: 'Sure: the checks show it directly',
  medium: 'Likely: the checks point to it',
  low: 'Possible: one of several explanations',
};

/** The steps for the system the app runs on; elsewhere (a Linux build) the Windows ones. */
export function useStepsKey(): keyof Finding['steps'] {
  return useAppStore((s) => (s.app.status === 'ready' && s.app.info.platform === 'darwin' ? 'mac' : 'windows'));
}

/** The rows behind a finding, on demand; a server row shows its layers. */
export function Evidence({ ids }: { ids: readonly string[] }) {
  const results = useAppStore((s) => s.run.results);
  return (
    <details className="evidence">
      <summary>
        What this is based on ({ids.length} {ids.length === 1 ? 'check' : 'checks'})
      </summary>
      <ul>
        {ids.map((id) => {
          const check = results[id];
          if (!check) return null;
          return (
            <li key={id} className={`evidence-row row-${check.status}`}>
              <StatusMark mark={check.status} />
              <div>
                <span className="evidence-title">{check.title}</span>
                <span className="evidence-detail">{check.detail}</span>
                {check.kind === 'server' && <LayerChips layers={check.layers} />}
              </div>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** One cause in plain words: what is wrong, how sure we are, what to do, and the rows behind it. */
export const FindingCard = memo(function FindingCard({ finding, index }: { finding: Finding; index: number }) {
  const stepsKey = useStepsKey();
  const steps = finding.steps[stepsKey];
  const headingId = `finding-${finding.id}`;
  const mark = finding.severity === 'info' ? 'skipped' : finding.severity;
  return (
    <article className={`finding finding-${finding.severity}`} aria-labelledby={headingId}>
      <header className="finding-head">
        <StatusMark mark={mark} />
        <h2 id={headingId}>
          <span className="visually-hidden">{finding.severity === 'info' ? 'Note' : `Finding ${index + 1}`}: </span>
          {finding.title}
        </h2>
      </header>
      <p className="finding-detail">{finding.detail}</p>
      {finding.severity !== 'info' && <p className="finding-confidence small muted">{CONFIDENCE_WORDS[finding.confidence]}</p>}
      {steps.length > 0 && (
        <div className="finding-steps">
          <h3>What to do</h3>
          <ol>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}
      {finding.checks.length > 0 && <Evidence ids={finding.checks} />}
    </article>
  );
});

/** Every finding of the run, most likely first; notes (info) after the problems. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section className="findings" aria-label="What we found">
      {findings.map((finding, index) => (
        <FindingCard key={finding.id} finding={finding} index={index} />
      ))}
    </section>
  );
}
