/** Valid requests for both specs, shared by the contract tests. */
export const highLevelHeaders = { Authorization: 'Bearer sandbox-token', Version: '2021-07-28' };
export const highLevelQuery = 'altId=6578278e879ad2646715ba9c&altType=location';
export const shoplazzaHeaders = { 'access-token': 'sandbox-token', 'Content-Type': 'application/json' };

export function highLevelList(
  baseUrl: string,
  query = '',
  headers: Record<string, string> = highLevelHeaders,
) {
  return fetch(`${baseUrl}/products/collections?${highLevelQuery}${query}`, { headers });
}

export function shoplazzaList(
  baseUrl: string,
  query = '',
  headers: Record<string, string> = shoplazzaHeaders,
) {
  return fetch(`${baseUrl}/openapi/2022-01/collections${query ? `?${query}` : ''}`, { headers });
}

export const shoplazza202506Path = '/openapi/2025-06/collections';

export function shoplazza202506List(
  baseUrl: string,
  query = '',
  headers: Record<string, string> = shoplazzaHeaders,
) {
  return fetch(`${baseUrl}${shoplazza202506Path}${query ? `?${query}` : ''}`, { headers });
}
