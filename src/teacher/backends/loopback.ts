/**
 * Whether an endpoint runs on this machine. Only these count as local: learner code may go
 * there without the remote opt-in. Anything that merely looks local ("localhost.example.com",
 * "127.0.0.1.nip.io") is remote.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return v4[1] === '127' && v4.slice(2).every((o) => Number(o) <= 255);
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}
