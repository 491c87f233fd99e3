// The personal values of this computer that a report must not show. The main process gathers them
// (os.userInfo, os.hostname, the environment, the network interfaces, the Wi-Fi in use) and passes
// them in; the report adds what it finds in its own data (fact keys, home paths, USER=...).

export interface PersonalValues {
  /** The account name, USER / USERNAME / LOGNAME, the home folder's name. */
  userNames: string[];
  /** Full home folder paths ("/Users/alice", "C:\\Users\\alice"). */
  homeDirs: string[];
  /** Host name (with and without its domain), COMPUTERNAME, the Mac's ComputerName / LocalHostName. */
  computerNames: string[];
  /** This computer's own addresses (IPv4 and IPv6, every interface but loopback). */
  addresses: string[];
  macAddresses: string[];
  wifiNames: string[];
  deviceNames: string[];
  serials: string[];
  emails: string[];
}

export function noPersonalValues(): PersonalValues {
  return {
    userNames: [],
    homeDirs: [],
    computerNames: [],
    addresses: [],
    macAddresses: [],
    wifiNames: [],
    deviceNames: [],
    serials: [],
    emails: [],
  };
}

/**
 * Account and folder names that belong to no one in particular. Hiding them would hide nothing
 * personal and would damage the report ("root" is in "DigiCert Global Root G2").
 */
const GENERIC_NAMES = new Set([
  'root',
  'admin',
  'administrator',
  'user',
  'guest',
  'default',
  'default user',
  'defaultuser0',
  'all users',
  'public',
  'shared',
  'system',
  'local service',
  'network service',
  'nobody',
  'daemon',
]);

export function isGenericName(name: string): boolean {
  return GENERIC_NAMES.has(name.trim().toLowerCase());
}
