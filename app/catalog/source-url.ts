/** Apple's own page listing the hosts and ports its devices need on enterprise networks (the catalog's source). */
export const APPLE_NETWORK_HELP = 'https://support.apple.com/HT210060';
