// Fetch over HTTP/2 (and some proxies) gives an empty statusText, and a server's own is free text.
// biome-ignore format: a table, kept dense
const STATUS_TEXT: Record<number, string> = { 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found',
  303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 413: 'Content Too Large', 415: 'Unsupported Media Type', 418: "I'm a Teapot",
  422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}
