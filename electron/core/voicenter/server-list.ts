/** Turns the login answer's server fields into an ordered list of socket origins, main first. */
import { isSecureUrl } from '../../../shared/net/secure-url';

export interface MonitorEntry {
  Domain: string;
  Priority?: number | undefined;
}

export interface ServerFields {
  url?: string | undefined;
  urlList?: readonly string[] | undefined;
  monitorList?: readonly MonitorEntry[] | undefined;
}

/**
 * A server entry as an origin. Entries may be bare host names (`monitor1.voicenter.co`) or full
 * URLs; a path would be read by socket.io as a namespace, so only the origin is kept. The socket
 * token travels in the URL's query, so an entry that breaks the secure-URL rule is dropped.
 */
export function normaliseServer(entry: string): string | null {
  const trimmed = entry.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol === 'wss:') url.protocol = 'https:';
  else if (url.protocol === 'ws:') url.protocol = 'http:';
  if (!isSecureUrl(url.href)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/**
 * `MonitorList` (newer stack) wins and is ordered by larger Priority first, ties keeping the
 * server's order; otherwise `URLList` in the order sent (its first entry is the main server);
 * `Url` is the last resort: alone, or appended when the list does not contain it.
 */
export function orderServers(fields: ServerFields): string[] {
  const ordered: string[] = [];
  const monitors = fields.monitorList ?? [];
  if (monitors.length > 0) {
    const ranked = monitors
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => (b.entry.Priority ?? 0) - (a.entry.Priority ?? 0) || a.index - b.index);
    for (const { entry } of ranked) ordered.push(entry.Domain);
  } else {
    ordered.push(...(fields.urlList ?? []));
  }
  if (fields.url !== undefined) ordered.push(fields.url);
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of ordered) {
    const server = normaliseServer(raw);
    if (server === null || seen.has(server)) continue;
    seen.add(server);
    result.push(server);
  }
  return result;
}
