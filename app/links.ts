import { APPLE_NETWORK_HELP } from './catalog/source-url';

/**
 * Every web page the app itself links to. Main opens these and nothing else: a link is the
 * renderer's only way to send anything out of the app, so a compromised renderer must not be
 * able to choose the address.
 */
export const APP_LINKS = {
  enterpriseNetworks: APPLE_NETWORK_HELP,
  restoreErrors: 'https://support.apple.com/HT201444',
} as const;

export type AppLink = (typeof APP_LINKS)[keyof typeof APP_LINKS];

export const APP_LINK_URLS: readonly AppLink[] = Object.values(APP_LINKS);

/** The app's own link with this exact address, or undefined for any other text. */
export function appLink(url: string): AppLink | undefined {
  return APP_LINK_URLS.find((known) => known === url);
}
