import { memo } from 'react';
import type { PlannedCheck } from '../../app/contract/check';
import { StatusMark } from '../components/StatusMark';
import { useCheckProgress } from './use-check-progress';

/** One check of this computer as a row: its mark, its title and the line it says, live. */
export const LocalRow = memo(function LocalRow({ planned }: { planned: PlannedCheck }) {
  const { mark, detail } = useCheckProgress(planned.id);
  return (
    <li className={`local row-${mark}`} aria-label={planned.title}>
      <StatusMark mark={mark} showLabel />
      <div>
        <span className="local-title">{planned.title}</span>
        <span className="local-detail">{detail}</span>
      </div>
    </li>
  );
});
