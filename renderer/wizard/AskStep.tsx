import { useEffect, useId, useRef, type FormEvent } from 'react';
import { assertNever } from '../../app/contract/check';
import { parseErrorCode } from '../../app/catalog/error-codes';
import { explainCode } from '../../app/diagnosis/explain-code';
import { useActions } from '../store/context';
import { StepHeading } from './focus';
import type { WizardState, WizardSymptom } from './state';
import { SYMPTOM_CHOICES } from './words';

type Ask = Extract<WizardState, { step: 'ask' }>;

/** What the typed text is: nothing yet, not a code, a code we do not know, or one we explain. */
type CodeReading =
  | { kind: 'empty' }
  | { kind: 'not-a-code' }
  | { kind: 'unknown'; code: string }
  | { kind: 'known'; code: string; title: string; meaning: string };

export function readCode(text: string): CodeReading {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parseErrorCode(text);
  if (!parsed.ok) return { kind: 'not-a-code' };
  const explained = explainCode(parsed.code);
  return explained
    ? { kind: 'known', code: parsed.code, title: explained.title, meaning: explained.meaning }
    : { kind: 'unknown', code: parsed.code };
}

function CodeMeaning({ reading, id }: { reading: CodeReading; id: string }) {
  switch (reading.kind) {
    case 'empty':
      return (
        <p id={id} className="small muted code-meaning">
          Type the number as the message shows it, such as 3194 or 0xE8000015. You can also check without it.
        </p>
      );
    case 'not-a-code':
      return (
        <p id={id} className="notice notice-warn code-meaning">
          That is not an error code: type only the number, such as 3194 or -54.
        </p>
      );
    case 'unknown':
      return (
        <p id={id} className="notice code-meaning">
          Error {reading.code} is not one we know. The check still looks for every cause on the network and this computer.
        </p>
      );
    case 'known':
      return (
        <div id={id} className="notice code-meaning">
          <strong>
            Error {reading.code}: {reading.title}
          </strong>
          <p>{reading.meaning}</p>
        </div>
      );
    default:
      return assertNever(reading, 'code reading');
  }
}

function CodeField({ state }: { state: Ask }) {
  const { wizard } = useActions();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const meaningId = useId();
  const reading = readCode(state.codeText);
  // The field appears because they chose "shows an error": the number is what they type next.
  useEffect(() => input.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reading.kind === 'not-a-code') return;
    wizard({ type: 'start', ...(reading.kind === 'known' || reading.kind === 'unknown' ? { code: reading.code } : {}) });
  };
  return (
    <form className="code-form" onSubmit={submit}>
      <label htmlFor={inputId}>The error number</label>
      <div className="code-row">
        <input
          ref={input}
          id={inputId}
          className="code-input"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={state.codeText}
          aria-describedby={meaningId}
          aria-invalid={reading.kind === 'not-a-code'}
          onChange={(event) => wizard({ type: 'type-code', text: event.target.value })}
        />
        <button type="submit" className="button button-primary" disabled={reading.kind === 'not-a-code'}>
          Check
        </button>
      </div>
      <div aria-live="polite">
        <CodeMeaning reading={reading} id={meaningId} />
      </div>
    </form>
  );
}

/** Step 1: what is happening? One click each; an error reveals a field for its number. */
export function AskStep({ state }: { state: Ask }) {
  const { wizard } = useActions();
  const choose = (symptom: WizardSymptom) => {
    wizard({ type: 'choose', symptom });
    if (symptom !== 'update-error') wizard({ type: 'start' });
  };
  return (
    <>
      <StepHeading target>What is happening?</StepHeading>
      <p className="lede">
        Choose what you see. Sync Doctor then checks the network and this computer and shows the most likely cause first.
      </p>
      {state.notice && (
        <p className="notice notice-fail" role="alert">
          {state.notice}
        </p>
      )}
      <ul className="choices" aria-label="What is happening">
        {SYMPTOM_CHOICES.map((choice) => (
          <li key={choice.symptom}>
            <button
              type="button"
              className="choice"
              aria-pressed={choice.symptom === 'update-error' ? state.symptom === 'update-error' : undefined}
              onClick={() => choose(choice.symptom)}
            >
              <span className="choice-label">{choice.label}</span>
              <span className="choice-hint">{choice.hint}</span>
            </button>
          </li>
        ))}
      </ul>
      {state.symptom === 'update-error' && <CodeField state={state} />}
    </>
  );
}
