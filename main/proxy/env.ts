import { bypasses } from './bypass';
import { proxySettingFrom, type ProxySetting } from './setting';

/**
 * The proxy the environment asks for, for a web request to host:port. Port 80 is plain HTTP
 * (http_proxy), everything else secure (https_proxy); ALL_PROXY is the fallback; NO_PROXY
 * excludes hosts. Lower-case names win, as in curl. Pure.
 */
export function proxyFromEnv(env: Readonly<Record<string, string | undefined>>, host: string, port: number): ProxySetting {
  const get = (name: string) => env[name.toLowerCase()] ?? env[name.toUpperCase()];
  const secure = port !== 80;
  const candidates: [string, string | undefined][] = secure
    ? [
        ['https_proxy', get('https_proxy')],
        ['all_proxy', get('all_proxy')],
      ]
    : [
        ['http_proxy', get('http_proxy')],
        ['all_proxy', get('all_proxy')],
      ];
  const chosen = candidates.find(([, value]) => value !== undefined && value.trim() !== '');
  if (!chosen) return { kind: 'direct', source: 'environment' };
  const noProxy = (get('no_proxy') ?? '').split(/[,\s]+/);
  if (bypasses(noProxy, host, port)) return { kind: 'direct', source: 'environment (NO_PROXY)' };
  return proxySettingFrom(chosen[1]!, `environment ${chosen[0].toUpperCase()}`);
}
