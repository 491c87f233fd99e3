import type { ProxyEndpoint } from './endpoint';

/** What one source of proxy settings says for one target. */
export type ProxySetting =
  | { kind: 'direct'; source: string }
  | { kind: 'proxy'; endpoint: ProxyEndpoint; source: string }
  /** A PAC script or auto-detection that this process cannot evaluate (the CLI; the app can). */
  | { kind: 'pac'; url: string; source: string }
  | { kind: 'invalid'; why: string; source: string };
