import { describe, expect, it } from 'vitest';
import { createCoverageTracker } from '../../src/prism/coverage';
import { listDeclaredResponses } from '../../src/prism/declared-responses';

describe('listDeclaredResponses', () => {
  it('lists every HighLevel status with its example names, in spec order', () => {
    expect(listDeclaredResponses('highlevel')).toEqual([
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '200',
        exampleNames: ['page', 'requiredOnly', 'nullFields', 'emptyPage'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '400',
        exampleNames: ['badRequest'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '401',
        exampleNames: ['invalidToken'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '422',
        exampleNames: ['invalidAltType'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '429',
        exampleNames: ['burstExceeded'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '500',
        exampleNames: ['internalError'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '502',
        exampleNames: ['badGateway'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '503',
        exampleNames: ['unavailable'],
      },
      {
        operationId: 'listCollections',
        method: 'GET',
        path: '/products/collections',
        status: '504',
        exampleNames: ['gatewayTimeout'],
      },
    ]);
  });
});

describe('createCoverageTracker', () => {
  const declared = [
    { operationId: 'op', method: 'GET', path: '/a', status: '200', exampleNames: ['page', 'empty'] },
    { operationId: 'op', method: 'GET', path: '/a', status: '500', exampleNames: [] },
  ];

  it('reports what was never recorded, and nothing once all is', () => {
    const tracker = createCoverageTracker('highlevel', declared);
    tracker.record('op', 200, 'page');
    expect(tracker.missing()).toEqual([
      { operationId: 'op', status: '200', exampleName: 'empty' },
      { operationId: 'op', status: '500', exampleName: undefined },
    ]);
    tracker.record('op', '200', 'empty');
    tracker.record('op', 500);
    expect(tracker.missing()).toEqual([]);
  });

  it('throws on an undeclared operation, status or example', () => {
    const tracker = createCoverageTracker('highlevel', declared);
    expect(() => tracker.record('other', 200)).toThrow('declares no response 200 for operation "other"');
    expect(() => tracker.record('op', 404)).toThrow('declares no response 404');
    expect(() => tracker.record('op', 200, 'typo')).toThrow(
      'no example "typo" for op 200 (declared: page, empty)',
    );
  });
});
