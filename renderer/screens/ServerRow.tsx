import { memo } from 'react';
import type { PlannedCheck } from '../../app/contract/check';
import { LayerChips } from '../components/LayerChips';
import { StatusMark } from '../components/StatusMark';
import { Waterfall } from '../components/Waterfall';
import { useCheckProgress } from './use-check-progress';

/** One server: subscribes to its own result only, so a new result repaints one row (the shared time scale is CSS, see waterfallScale). */
export const ServerRow = memo(function ServerRow({ planned }: { planned: PlannedCheck }) {
  const { result, mark, detail } = useCheckProgress(planned.id);
  const server = result?.kind === 'server' ? result : undefined;
  return (
    <div role="row" className={`server-row row-${mark}`}>
      <div role="cell">
        <StatusMark mark={mark} />
      </div>
      <div role="rowheader" className="cell-server">
        <span className="server-name">{planned.title}</span>
        {planned.pattern ? (
          <span className="server-pattern">{`stands for ${planned.pattern} (probed ${planned.host ?? planned.title})`}</span>
        ) : null}
        <span className="server-purpose">{planned.purpose}</span>
        <span className="server-detail">{detail}</span>
      </div>
      <div role="cell">
        <LayerChips layers={server?.layers} />
      </div>
      <div role="cell" className="cell-timing">
        <Waterfall timings={result?.timings} />
      </div>
      <div role="cell" className="cell-issuer">
        {server?.tls ? server.tls.issuer : result ? '–' : ''}
      </div>
    </div>
  );
});
