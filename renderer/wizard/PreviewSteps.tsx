import { assertNever } from '../../app/contract/check';
import type { FixStep } from '../../app/fixes/preview';

/** A command as a person would read it; arguments with spaces are quoted. Display only: nothing runs it. */
function commandLine(argv: readonly string[]): string {
  return argv.map((arg) => (/[\s"]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg)).join(' ');
}

function Step({ step }: { step: FixStep }) {
  switch (step.kind) {
    case 'command':
    case 'open-settings':
      return (
        <>
          <span>{step.purpose}</span>
          <code className="fix-command">{commandLine(step.argv)}</code>
        </>
      );
    case 'edit-file':
      return (
        <>
          <span>
            {step.purpose} In <code>{step.file}</code>, after saving a copy as <code>{step.backup}</code>:
          </span>
          <ul className="line-changes">
            {step.changes.map((change) => (
              <li key={change.line}>
                {change.after === undefined ? (
                  <>
                    line {change.line}: remove <code>{change.before}</code>
                  </>
                ) : (
                  <>
                    line {change.line}: <code>{change.before}</code> becomes <code>{change.after}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      );
    case 'manual':
      return <span>{step.text}</span>;
    default:
      return assertNever(step, 'fix step');
  }
}

/** Exactly what a fix will do, from main's preview. */
export function PreviewSteps({ steps }: { steps: readonly FixStep[] }) {
  if (steps.length === 0) return <p className="small muted">Nothing to run: there is nothing to change here.</p>;
  return (
    <ol className="fix-steps">
      {steps.map((step, index) => (
        <li key={index}>
          <Step step={step} />
        </li>
      ))}
    </ol>
  );
}
