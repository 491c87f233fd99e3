import type { MouseEvent, ReactNode } from 'react';
import type { AppLink } from '../../app/links';
import { useActions } from '../store/context';

/**
 * A link that opens in the user's browser through main, which opens only the app's own links
 * (app/links.ts). The page itself never navigates: main blocks that, so the click is turned into
 * an openLink request.
 */
export function ExternalLink({ href, children }: { href: AppLink; children: ReactNode }) {
  const { openLink } = useActions();
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openLink(href);
  };
  return (
    <a href={href} onClick={open} rel="noreferrer" className="external-link">
      {children}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}
