import type { ApiName } from '../sandbox/types';
import { readSpecDocument } from './spec-source';

/** One response status an operation declares, with the names of its examples. */
export interface DeclaredResponse {
  operationId: string;
  method: string;
  path: string;
  status: string;
  exampleNames: string[];
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type JsonObject = Record<string, unknown>;

/** Follows a local `$ref` (`#/components/...`) in the bundled document; the bundle has no remote refs. */
export function resolveLocalRef(document: JsonObject, value: unknown): JsonObject {
  let current = value as JsonObject;
  for (let depth = 0; depth < 20 && typeof current?.$ref === 'string'; depth += 1) {
    const pointer = (current.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = document;
    for (const segment of pointer) {
      target = (target as JsonObject | undefined)?.[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    current = target as JsonObject;
  }
  return current ?? {};
}

/** Every (operation, status) the spec declares, in spec order, for coverage matrices. */
export function listDeclaredResponses(
  api: ApiName,
  document: JsonObject = readSpecDocument(api),
): DeclaredResponse[] {
  const declared: DeclaredResponse[] = [];
  const paths = (document.paths ?? {}) as Record<string, JsonObject>;
  for (const [path, pathItem] of Object.entries(paths)) {
    for (const method of methods) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (!operation) continue;
      const operationId = String(operation.operationId ?? `${method} ${path}`);
      for (const [status, rawResponse] of Object.entries((operation.responses ?? {}) as JsonObject)) {
        const response = resolveLocalRef(document, rawResponse);
        const names = new Set<string>();
        for (const media of Object.values((response.content ?? {}) as Record<string, JsonObject>)) {
          for (const name of Object.keys((media.examples ?? {}) as JsonObject)) names.add(name);
        }
        declared.push({ operationId, method: method.toUpperCase(), path, status, exampleNames: [...names] });
      }
    }
  }
  return declared;
}
