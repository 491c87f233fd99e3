import type { KeyboardEvent } from 'react';
import { useAppStore } from '../store/context';
import { SCREENS, type Screen } from '../store/ui-slice';

const SCREEN_TITLE: Record<Screen, string> = {
  wizard: 'Fix my sync',
  overview: 'Overview',
  servers: 'Servers',
  ports: 'Ports',
  processes: 'Processes',
  report: 'Report',
};

/** The sections as buttons: Tab reaches them, arrow keys move between them. */
export function Nav() {
  const screen = useAppStore((s) => s.screen);
  const showScreen = useAppStore((s) => s.showScreen);
  const problems = useAppStore((s) => s.run.counts.fail);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = SCREENS[(SCREENS.indexOf(screen) + step + SCREENS.length) % SCREENS.length] ?? 'wizard';
    showScreen(next);
    const button = event.currentTarget.querySelector<HTMLButtonElement>(`[data-screen="${next}"]`);
    button?.focus();
  };
  return (
    <nav className="nav" aria-label="Sections" onKeyDown={onKeyDown}>
      {SCREENS.map((name) => (
        <button
          key={name}
          type="button"
          data-screen={name}
          className="nav-item"
          aria-current={screen === name ? 'page' : undefined}
          onClick={() => showScreen(name)}
        >
          {SCREEN_TITLE[name]}
          {name === 'overview' && problems > 0 ? (
            <span className="nav-badge" aria-label={`${problems} problems`}>
              {problems}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}
