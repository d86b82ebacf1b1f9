import { resolveLocalRef } from '../prism/declared-responses';

type JsonObject = Record<string, unknown>;

/** A positive request the spec documents, ready to send (minus the token, added at send time). */
export interface DocumentedRequest {
  operationId: string;
  method: string;
  /** The spec path, e.g. `/products/collections`. */
  path: string;
  /** Repeated keys allowed; values already serialized (comma lists joined). */
  query: [string, string][];
  headers: Record<string, string>;
  /** Where the token goes, from the operation's security requirement. */
  auth: { in: 'header' | 'query'; name: string; scheme: 'bearer' | 'raw' } | undefined;
  /** `default` or `<parameter>=<example name>`. */
  label: string;
}

/** Values the caller knows better than the spec's examples (e.g. the real location id). */
export type ParameterOverrides = Record<string, string>;

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  explode: boolean;
  examples: { name: string; value: unknown }[];
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function readParameter(document: JsonObject, raw: unknown): Parameter {
  const parameter = resolveLocalRef(document, raw);
  const schema = resolveLocalRef(document, parameter.schema ?? {});
  const examples: { name: string; value: unknown }[] = [];
  if (parameter.example !== undefined) examples.push({ name: 'example', value: parameter.example });
  for (const [name, example] of Object.entries((parameter.examples ?? {}) as JsonObject)) {
    const value = resolveLocalRef(document, example).value;
    if (value !== undefined) examples.push({ name, value });
  }
  if (examples.length === 0) {
    // No documented example: fall back to what the schema itself documents.
    const fallback =
      schema.example ??
      (Array.isArray(schema.examples) ? schema.examples[0] : undefined) ??
      schema.default ??
      (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
    if (fallback !== undefined) examples.push({ name: 'schema', value: fallback });
  }
  const style = parameter.style ?? (parameter.in === 'query' ? 'form' : 'simple');
  return {
    name: String(parameter.name),
    in: String(parameter.in),
    required: parameter.required === true,
    explode: parameter.explode === undefined ? style === 'form' : parameter.explode === true,
    examples,
  };
}

function serialize(parameter: Parameter, value: unknown): [string, string][] {
  if (Array.isArray(value)) {
    return parameter.explode
      ? value.map((item) => [parameter.name, String(item)])
      : [[parameter.name, value.map(String).join(',')]];
  }
  return [[parameter.name, typeof value === 'object' ? JSON.stringify(value) : String(value)]];
}

function readAuth(document: JsonObject, operation: JsonObject): DocumentedRequest['auth'] {
  const requirements = (operation.security ?? document.security ?? []) as JsonObject[];
  const schemes = ((document.components as JsonObject | undefined)?.securitySchemes ?? {}) as JsonObject;
  for (const requirement of requirements) {
    for (const schemeName of Object.keys(requirement)) {
      const scheme = resolveLocalRef(document, schemes[schemeName]);
      if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
        return { in: 'header', name: 'Authorization', scheme: 'bearer' };
      }
      if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) {
        return { in: scheme.in, name: String(scheme.name), scheme: 'raw' };
      }
    }
  }
  return undefined;
}

/** A request being assembled: where parameter values go. */
interface RequestParts {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
}

function place(parts: RequestParts, parameter: Parameter, value: unknown): void {
  if (parameter.in === 'query') parts.query.push(...serialize(parameter, value));
  else if (parameter.in === 'header') parts.headers[parameter.name] = String(value);
  else parts.path = parts.path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
}

/** Path-level then operation-level parameters, those a request can carry (not cookies). */
function readOperationParameters(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
): Parameter[] {
  return [...((pathItem.parameters ?? []) as unknown[]), ...((operation.parameters ?? []) as unknown[])]
    .map((raw) => readParameter(document, raw))
    .filter((parameter) => parameter.in === 'query' || parameter.in === 'header' || parameter.in === 'path');
}

/** An optional parameter's documented examples, or the caller's value alone when it overrides them. */
function examplesToTry(parameter: Parameter, overrides: ParameterOverrides): Parameter['examples'] {
  return overrides[parameter.name] === undefined
    ? parameter.examples
    : [{ name: 'override', value: overrides[parameter.name] }];
}

/** One operation's requests: the required parameters only, then one per optional parameter example. */
function operationRequests(
  document: JsonObject,
  path: string,
  method: (typeof methods)[number],
  pathItem: JsonObject,
  operation: JsonObject,
  overrides: ParameterOverrides,
): DocumentedRequest[] {
  const parameters = readOperationParameters(document, pathItem, operation);
  const parts: RequestParts = {
    path,
    query: [],
    headers: { ...((operation['x-required-request-headers'] ?? {}) as Record<string, string>) },
  };
  for (const parameter of parameters.filter((candidate) => candidate.required)) {
    place(parts, parameter, overrides[parameter.name] ?? parameter.examples[0]?.value ?? '');
  }
  const base = {
    operationId: String(operation.operationId ?? `${method} ${path}`),
    method: method.toUpperCase(),
    path: parts.path,
    auth: readAuth(document, operation),
  };
  const requests: DocumentedRequest[] = [
    { ...base, query: parts.query, headers: parts.headers, label: 'default' },
  ];
  for (const parameter of parameters.filter((candidate) => !candidate.required)) {
    for (const example of examplesToTry(parameter, overrides)) {
      // A variant keeps the default request's path: only the query and headers vary.
      const variant: RequestParts = {
        path: base.path,
        query: [...parts.query],
        headers: { ...parts.headers },
      };
      place(variant, parameter, example.value);
      requests.push({
        ...base,
        query: variant.query,
        headers: variant.headers,
        label: `${parameter.name}=${example.name}`,
      });
    }
  }
  return requests;
}

/**
 * Every operation's documented positive requests: one with the required parameters only (their
 * examples, or `overrides`), then one per documented example of each optional parameter.
 */
export function buildDocumentedRequests(
  document: JsonObject,
  overrides: ParameterOverrides = {},
): DocumentedRequest[] {
  const requests: DocumentedRequest[] = [];
  for (const [path, rawItem] of Object.entries((document.paths ?? {}) as JsonObject)) {
    const pathItem = resolveLocalRef(document, rawItem);
    for (const method of methods) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (operation)
        requests.push(...operationRequests(document, path, method, pathItem, operation, overrides));
    }
  }
  return requests;
}

/** `/path?a=1&b=x,y` as sent on the wire: percent-encoded, but comma lists keep literal commas. */
export function requestTarget(request: Pick<DocumentedRequest, 'path' | 'query'>): string {
  const encode = (value: string) => encodeURIComponent(value).replaceAll('%2C', ',');
  const search = request.query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  return search ? `${request.path}?${search}` : request.path;
}
