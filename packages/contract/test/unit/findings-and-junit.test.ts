import { describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/verify/baseline';
import { type Finding, findingFromViolation, foldIndexes, mergeFindings } from '../../src/verify/findings';
import { renderJunit } from '../../src/verify/junit';
import type { VerifyResult } from '../../src/verify/run-verify';

describe('findings', () => {
  it('folds array indexes in locations and messages', () => {
    expect(foldIndexes('response.body.data.12')).toBe('response.body.data[*]');
    expect(foldIndexes("property data.0 must have required property 'name'")).toBe(
      "property data[*] must have required property 'name'",
    );
    expect(foldIndexes('response.body.collections.3.smart')).toBe('response.body.collections[*].smart');
  });

  it('merges the same problem across items and requests', () => {
    const violation = (index: number) => ({
      severity: 'Error',
      location: ['response', 'body', 'data', String(index)],
      message: `Response body property data.${index} must have required property 'name'`,
      code: 'required',
    });
    const merged = mergeFindings([
      findingFromViolation('op', violation(0), 'default'),
      findingFromViolation('op', violation(1), 'default'),
      findingFromViolation('op', violation(0), 'limit=example'),
    ]);
    expect(merged).toEqual([
      {
        operation: 'op',
        location: 'response.body.data[*]',
        message: "Response body property data[*] must have required property 'name'",
        code: 'required',
        severity: 'Error',
        requests: ['default', 'limit=example'],
      },
    ]);
  });
});

describe('renderJunit', () => {
  it('fails the cases that show a fresh finding, escapes XML, and adds expired entries', () => {
    const finding: Finding = {
      operation: 'op',
      location: 'response.body.total',
      message: 'total must be <integer> & "x"',
      code: 'type',
      severity: 'Error',
      requests: ['default'],
    };
    const result: VerifyResult = {
      exchanges: [
        {
          operation: 'op',
          label: 'default',
          method: 'GET',
          target: '/a?x=1&y=2',
          status: 200,
          violations: [],
        },
        { operation: 'op', label: 'name=example', method: 'GET', target: '/a', status: 200, violations: [] },
      ],
      findings: [finding],
      notSent: 0,
      timedOut: false,
    };
    const outcome = applyBaseline(
      [finding],
      [{ operation: 'op', location: 'gone', expires: '2000-01-01', reason: 'old' }],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(renderJunit('highlevel', result, outcome)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="commerce-collections-contract verify" tests="3" failures="2">',
        '  <testsuite name="highlevel" tests="3" failures="2">',
        '    <testcase classname="highlevel.op" name="op default (GET /a?x=1&amp;y=2)"><failure type="contract-violation" message="response.body.total: total must be &lt;integer&gt; &amp; &quot;x&quot;">response.body.total: total must be &lt;integer&gt; &amp; &quot;x&quot; [type] (requests: default)</failure></testcase>',
        '    <testcase classname="highlevel.op" name="op name=example (GET /a)"></testcase>',
        '    <testcase classname="highlevel.baseline" name="op gone"><failure type="expired-baseline" message="baseline entry expired on 2000-01-01: op gone">old</failure></testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
