import type { BaselineOutcome } from './baseline';
import type { Finding } from './findings';
import type { VerifyResult } from './run-verify';

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function describeFinding(finding: Finding): string {
  return `${finding.location}: ${finding.message} [${finding.code}] (requests: ${finding.requests.join(', ') || '-'})`;
}

/**
 * JUnit XML for CI: one test case per documented request (failing when a fresh finding names it), plus
 * one case per expired baseline entry. Suppressed findings are listed in the case's system-out.
 */
export function renderJunit(api: string, result: VerifyResult, outcome: BaselineOutcome): string {
  const cases: string[] = [];
  let failures = 0;
  for (const exchange of result.exchanges) {
    const belongs = (finding: Finding) =>
      finding.operation === exchange.operation && finding.requests.includes(exchange.label);
    const fresh = outcome.fresh.filter(belongs);
    const suppressed = outcome.suppressed.filter(({ finding }) => belongs(finding));
    const name = `${exchange.operation} ${exchange.label} (${exchange.method} ${exchange.target})`;
    let body = '';
    if (fresh.length > 0) {
      failures += 1;
      const first = fresh[0] as Finding;
      body += `<failure type="contract-violation" message="${escapeXml(`${first.location}: ${first.message}`)}">`;
      body += `${escapeXml(fresh.map(describeFinding).join('\n'))}</failure>`;
    }
    if (suppressed.length > 0) {
      const lines = suppressed.map(
        ({ finding, entry }) =>
          `baseline (until ${entry.expires}, ${entry.reason}): ${describeFinding(finding)}`,
      );
      body += `<system-out>${escapeXml(lines.join('\n'))}</system-out>`;
    }
    cases.push(
      `    <testcase classname="${escapeXml(`${api}.${exchange.operation}`)}" name="${escapeXml(name)}">${body}</testcase>`,
    );
  }
  const unattached = outcome.fresh.filter((finding) => finding.requests.length === 0);
  for (const finding of unattached) {
    failures += 1;
    cases.push(
      `    <testcase classname="${escapeXml(api)}" name="${escapeXml(finding.location)}"><failure type="${escapeXml(finding.code)}" message="${escapeXml(finding.message)}"/></testcase>`,
    );
  }
  for (const entry of outcome.expired) {
    failures += 1;
    const message = `baseline entry expired on ${entry.expires}: ${entry.operation} ${entry.location}`;
    cases.push(
      `    <testcase classname="${escapeXml(`${api}.baseline`)}" name="${escapeXml(`${entry.operation} ${entry.location}`)}"><failure type="expired-baseline" message="${escapeXml(message)}">${escapeXml(entry.reason)}</failure></testcase>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="commerce-collections-contract verify" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${escapeXml(api)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
