import { assertNever } from '../../app/contract/check';
import { useAppStore } from '../store/context';
import { AskStep } from './AskStep';
import { CheckingStep } from './CheckingStep';
import { EndStep } from './EndStep';
import { FindingStep } from './FindingStep';
import { FocusOnChange } from './focus';
import type { WizardState } from './state';

/** Which view is on screen: when it changes, focus moves to its heading. */
function focusKey(state: WizardState): string {
  return state.step === 'finding' ? `finding ${state.index} ${state.card.kind}` : state.step;
}

function Step({ state }: { state: WizardState }) {
  switch (state.step) {
    case 'ask':
      return <AskStep state={state} />;
    case 'checking':
      return <CheckingStep state={state} />;
    case 'finding':
      return <FindingStep state={state} />;
    case 'end':
      return <EndStep state={state} />;
    default:
      return assertNever(state, 'wizard step');
  }
}

/** "Fix my sync": the screen the app opens on. */
export function Wizard() {
  const state = useAppStore((s) => s.wizard);
  return (
    <section className="screen wizard" aria-label="Fix my sync">
      <FocusOnChange focusKey={focusKey(state)}>
        <Step state={state} />
      </FocusOnChange>
    </section>
  );
}
