/**
 * A browser's walk through an OpenID Connect sign-in, without a browser: redirects followed by
 * hand, cookies kept per origin, and the test provider's sign-in and consent forms submitted.
 * Integration tests use it to reach the callback URL and then replay or tamper with it.
 */
export class OidcBrowserWalk {
  private readonly jar = new Map<string, Map<string, string>>();

  /** The session cookie Samverka set, as a `Cookie` header for `ApiClient`. */
  sessionCookie(origin: string): string | undefined {
    const value = this.jar.get(origin)?.get('samverka_session');
    return value === undefined ? undefined : `samverka_session=${value}`;
  }

  /**
   * From Samverka's start route through the provider's forms (signing in as `login`) to the
   * callback URL the provider sends the browser to; that URL is returned, not yet visited.
   */
  async untilCallback(startUrl: string, login: string): Promise<string> {
    let response = await this.request(startUrl);
    for (let step = 0; step < 20; step++) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, response.url || startUrl).href;
        if (next.includes('/api/auth/oidc/') && next.includes('/callback')) return next;
        response = await this.request(next);
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`unexpected provider page (${response.status}): ${page.slice(0, 300)}`);
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
      response = await this.request(new URL(action, response.url).href, form);
    }
    throw new Error('no callback after 20 redirects');
  }

  /** A JSON POST from the page at `url`'s origin (as the sign-in form sends it), with this walk's cookies. */
  async postJson(url: string, body: unknown): Promise<Response> {
    return this.request(url, undefined, body);
  }

  /** One request with this walk's cookies; the answer's cookies are kept. Redirects are not followed. */
  async request(url: string, form?: URLSearchParams, json?: unknown): Promise<Response> {
    const { origin } = new URL(url);
    const cookies = [...(this.jar.get(origin) ?? new Map()).entries()].map(([name, value]) => `${name}=${value}`);
    const headers: Record<string, string> = {};
    if (cookies.length) headers.cookie = cookies.join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (json !== undefined) Object.assign(headers, { 'content-type': 'application/json', origin });
    const response = await fetch(url, {
      method: form || json !== undefined ? 'POST' : 'GET',
      headers,
      body: form?.toString() ?? (json === undefined ? undefined : JSON.stringify(json)),
      redirect: 'manual',
    });
    const jar = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jar.set(origin, jar);
    // fetch leaves `url` of a manual redirect's answer as the request's URL; keep it for relative forms.
    Object.defineProperty(response, 'url', { value: url });
    return response;
  }
}
