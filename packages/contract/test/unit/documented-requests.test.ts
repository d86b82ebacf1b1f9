import { describe, expect, it } from 'vitest';
import { readSpecDocument } from '../../src/prism/spec-source';
import { buildDocumentedRequests, requestTarget } from '../../src/verify/documented-requests';

describe('buildDocumentedRequests', () => {
  it('builds the default HighLevel request plus one per optional example, with the location override', () => {
    const requests = buildDocumentedRequests(readSpecDocument('highlevel'), { altId: 'LOC1' });
    expect(requests.map((request) => [request.label, requestTarget(request)])).toEqual([
      ['default', '/products/collections?altId=LOC1&altType=location'],
      ['limit=example', '/products/collections?altId=LOC1&altType=location&limit=20'],
      ['offset=example', '/products/collections?altId=LOC1&altType=location&offset=0'],
      [
        'collectionIds=two',
        '/products/collections?altId=LOC1&altType=location&collectionIds=65d71377c326ea78e1c47df5,65d71377c326ea78e1c47d34',
      ],
      ['name=example', '/products/collections?altId=LOC1&altType=location&name=Best%20Sellers'],
    ]);
    expect(requests[0]?.headers).toEqual({ Version: '2021-07-28' });
    expect(requests[0]?.auth).toEqual({ in: 'header', name: 'Authorization', scheme: 'bearer' });
  });

  it('builds the Shoplazza requests with the required Content-Type and the access-token scheme', () => {
    const requests = buildDocumentedRequests(readSpecDocument('shoplazza'));
    expect(requests.map((request) => `${request.operationId} ${request.label}`)).toEqual([
      'listCollections default',
      'listCollections ids=two',
      'listCollections title=example',
      'listCollections updated_at_min=example',
      'listCollections updated_at_max=example',
      'listCollections product_id=example',
      'listCollections page=example',
      'listCollections limit=example',
      'listCollections202506 default',
      'listCollections202506 cursor=example',
      'listCollections202506 page_size=example',
      'listCollections202506 ids=two',
      'listCollections202506 title=example',
      'listCollections202506 updated_at_min=example',
      'listCollections202506 updated_at_max=example',
      'listCollections202506 product_id=example',
    ]);
    expect(requests[0]?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(requests[8]?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(requestTarget(requests[10]!)).toBe('/openapi/2025-06/collections?page_size=50');
    expect(requests[0]?.auth).toEqual({ in: 'header', name: 'access-token', scheme: 'raw' });
    expect(requestTarget(requests[3]!)).toBe(
      '/openapi/2022-01/collections?updated_at_min=2024-01-01T00%3A00%3A00Z',
    );
  });

  it('repeats keys for exploded arrays and joins them for explode: false', () => {
    const document = {
      paths: {
        '/x': {
          get: {
            operationId: 'x',
            parameters: [
              { name: 'a', in: 'query', required: true, schema: { type: 'array' }, example: ['1', '2'] },
              {
                name: 'b',
                in: 'query',
                required: true,
                explode: false,
                schema: { type: 'array' },
                example: ['3', '4'],
              },
            ],
          },
        },
      },
    };
    const [request] = buildDocumentedRequests(document);
    expect(requestTarget(request!)).toBe('/x?a=1&a=2&b=3,4');
    expect(request?.auth).toBeUndefined();
  });
});
