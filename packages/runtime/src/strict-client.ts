import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';

// Library surprise (openapi-fetch 0.17): `GET(url, init)` infers `init` as a type parameter, so the excess-property
// check never runs and an unknown query key compiles. Here every key not in the operation's query is `never`.

type Media = `${string}/${string}`;
type PathMap = Record<string, Record<string, unknown>>;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

type QueryOf<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type NoExtraQuery<Init, Operation> = Init extends { params: { query: infer Query } }
  ? { params: { query: { [Key in Exclude<keyof Query, keyof QueryOf<Operation>>]: never } } }
  : unknown;

type StrictInit<Init, Operation> = Init & NoExtraQuery<Init, Operation> & { [key: string]: unknown };

/** openapi-fetch's GET with unknown query parameters refused at compile time. */
export type StrictGet<Paths extends PathMap> = <
  Path extends ClientPathsWithMethod<Client<Paths>, 'get'> & string,
  Init extends MaybeOptionalInit<Paths[Path], 'get'>,
>(
  url: Path,
  ...init: RequiredKeys<Init> extends never
    ? [StrictInit<Init, Paths[Path]['get']>?]
    : [StrictInit<Init, Paths[Path]['get']>]
) => Promise<FetchResponse<Paths[Path]['get'] & Record<string | number, unknown>, Init, Media>>;

/** An openapi-fetch client whose GET refuses unknown query parameters; every other method is unchanged. */
export type StrictClient<Paths extends PathMap> = Omit<Client<Paths>, 'GET'> & { GET: StrictGet<Paths> };
