import { createServer } from 'node:net';

/**
 * A user agent over real HTTP, for flows that cross servers (single sign-on): it keeps each origin's cookies by
 * path, follows redirects as a browser does (a 303 becomes a GET), and submits a page's forms with their hidden
 * fields. It runs no script, as Hearth's pages need none.
 */
export class UserAgent {
  private readonly jar = new Map<string, { origin: string; name: string; value: string; path: string }>();
  /** Every URL visited, in order, redirects included. */
  readonly visited: string[] = [];

  async fetch(
    url: string,
    options: { method?: string; form?: Record<string, string>; follow?: boolean } = {},
  ): Promise<{ status: number; url: string; body: string; location: string | null }> {
    let target = new URL(url);
    let method = options.method ?? (options.form ? 'POST' : 'GET');
    let body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    for (let hop = 0; hop < 20; hop += 1) {
      this.visited.push(target.href);
      const headers: Record<string, string> = { accept: 'text/html' };
      const cookie = this.cookiesFor(target);
      if (cookie) headers.cookie = cookie;
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(target, { method, headers, body, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) this.keep(target, line);
      const location = response.headers.get('location');
      if (location && response.status >= 300 && response.status < 400 && options.follow !== false) {
        target = new URL(location, target);
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { status: response.status, url: target.href, body: await response.text(), location };
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** Submits the page's form whose action contains `action`, with its hidden fields and `fields`. */
  submit(page: { url: string; body: string }, action: string, fields: Record<string, string> = {}) {
    const form = [...page.body.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].find(
      ([, to]) => to!.includes(action),
    );
    if (!form) throw new Error(`No form posting to ${action} on ${page.url}`);
    const hidden = Object.fromEntries(
      [...form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map(
        ([, name, value]) => [name!, value!.replaceAll('&amp;', '&')],
      ),
    );
    return this.fetch(new URL(form[1]!.replaceAll('&amp;', '&'), page.url).href, {
      form: { ...hidden, ...fields },
    });
  }

  /** The value of a cookie this agent holds for an origin, whatever its path. */
  cookie(origin: string, name: string): string | undefined {
    return [...this.jar.values()].find((kept) => kept.origin === origin && kept.name === name)?.value;
  }

  private cookiesFor(url: URL): string {
    return [...this.jar.values()]
      .filter((kept) => kept.origin === url.origin && url.pathname.startsWith(kept.path))
      .map((kept) => `${kept.name}=${kept.value}`)
      .join('; ');
  }

  private keep(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const attribute = (key: string) =>
      attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? '/';
    const expires = attribute('expires');
    const removed =
      attribute('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() < Date.now());
    const key = `${url.origin} ${path} ${name}`;
    if (removed) this.jar.delete(key);
    else this.jar.set(key, { origin: url.origin, name, value, path });
  }
}

/** A port free on this machine now, for a server whose address must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
