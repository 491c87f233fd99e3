import type { CheckResult } from '../../app/contract/check';
import type { Mark } from '../components/StatusMark';
import { useAppStore } from '../store/context';

interface CheckProgress {
  result: CheckResult | undefined;
  mark: Mark;
  detail: string;
}

/** Where one check stands, subscribed to that check only: its result, its mark and the line to show. */
export function useCheckProgress(id: string): CheckProgress {
  const result = useAppStore((s) => s.run.results[id]);
  const running = useAppStore((s) => s.run.inFlight[id] === true);
  if (result) return { result, mark: result.status, detail: result.detail };
  if (running) return { result: undefined, mark: 'running', detail: 'Checking…' };
  return { result: undefined, mark: 'pending', detail: 'Waiting to be checked' };
}
