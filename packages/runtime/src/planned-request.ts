/**
 * openapi-fetch's `Request` option for typed calls (GET): what a Request would hold, without building one. The
 * transport sends url and init to fetch, which builds the only real Request (undici's costs microseconds).
 */
export class PlannedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body = null;

  constructor(url: string, init: RequestInit) {
    this.url = new URL(url).href; // throws for a bad URL, as Request would
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
  }
}
