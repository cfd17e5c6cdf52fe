// Where the production server may listen. The proxy spends the user's API
// key, so by default only this machine can reach it (127.0.0.1). Listening on
// another interface (e.g. --host 0.0.0.0) needs ALLOW_REMOTE=1, and even then
// a warning is printed: everyone on that network could use the key.
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;

export type ListenPlan =
  | { readonly ok: true; readonly host: string; readonly port: number; readonly warning: string | null }
  | { readonly ok: false; readonly message: string };

export interface ListenRequest {
  /** --host, else HOST; default 127.0.0.1. */
  readonly host?: string;
  /** --port, else PORT; default 4173. */
  readonly port?: string;
  /** ALLOW_REMOTE=1 */
  readonly allowRemote: boolean;
}

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(bare);
}

export function remoteWarning(host: string): string {
  return (
    `Warning: listening on ${host}, which other machines can reach. The proxy uses your API key for anyone who can ` +
    'reach it; only requests addressed to localhost or a name in ALLOWED_HOSTS are answered.'
  );
}

export function planListen(request: ListenRequest): ListenPlan {
  const host = request.host?.trim() || DEFAULT_HOST;
  const portText = request.port?.trim() || String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65_535) {
    return { ok: false, message: `Invalid port "${portText}": use a number from 0 to 65535.` };
  }
  if (isLoopbackHost(host)) return { ok: true, host, port, warning: null };
  if (!request.allowRemote) {
    return {
      ok: false,
      message:
        `Refusing to listen on ${host}: other machines could reach the proxy and spend your API key. ` +
        'Use --host 127.0.0.1, or set ALLOW_REMOTE=1 to listen there anyway (and ALLOWED_HOSTS=<name> for the names clients will use).',
    };
  }
  return { ok: true, host, port, warning: remoteWarning(host) };
}
