import type { BaselineOutcome } from './baseline';
import type { Finding } from './findings';
import type { VerifyResult } from './run-verify';

function line(finding: Finding): string {
  const requests = finding.requests.length > 0 ? ` (requests: ${finding.requests.join(', ')})` : '';
  return `  ${finding.operation}  ${finding.location}  ${finding.message} [${finding.code}]${requests}`;
}

/** The human report `verify` prints: every request, then findings grouped by what they mean for the run. */
export function formatVerifyReport(
  api: string,
  upstreamOrigin: string,
  result: VerifyResult,
  outcome: BaselineOutcome,
) {
  const out: string[] = [`verify ${api} against ${upstreamOrigin}`, ''];
  for (const exchange of result.exchanges) {
    const status = exchange.status === undefined ? (exchange.error ?? 'no answer') : String(exchange.status);
    const count = exchange.violations.length;
    out.push(
      `  ${status.padEnd(4)} ${exchange.method} ${exchange.target}  [${exchange.operation} ${exchange.label}]` +
        (count > 0 ? `  ${count} violation${count === 1 ? '' : 's'}` : ''),
    );
  }
  if (result.notSent > 0) out.push(`  (${result.notSent} more documented requests not sent: --max-requests)`);
  out.push('');
  if (outcome.fresh.length > 0) {
    out.push(`Violations (${outcome.fresh.length}):`, ...outcome.fresh.map(line), '');
  }
  if (outcome.expired.length > 0) {
    out.push(`Expired baseline entries (${outcome.expired.length}) — renew with a reason or fix the drift:`);
    for (const entry of outcome.expired) {
      out.push(`  ${entry.operation}  ${entry.location}  expired ${entry.expires}: ${entry.reason}`);
    }
    out.push('');
  }
  if (outcome.suppressed.length > 0) {
    out.push(`Known drift suppressed by the baseline (${outcome.suppressed.length}):`);
    for (const { finding, entry } of outcome.suppressed) out.push(`${line(finding)}  until ${entry.expires}`);
    out.push('');
  }
  if (outcome.unused.length > 0) {
    out.push(
      `Baseline entries that matched nothing (${outcome.unused.length}) — remove them if the drift is fixed:`,
    );
    for (const entry of outcome.unused) out.push(`  ${entry.operation}  ${entry.location}`);
    out.push('');
  }
  const failed = outcome.fresh.length > 0 || outcome.expired.length > 0;
  out.push(
    failed
      ? `FAIL: ${outcome.fresh.length} violation(s), ${outcome.expired.length} expired baseline entr${outcome.expired.length === 1 ? 'y' : 'ies'}.`
      : `OK: ${result.exchanges.length} requests, no new violations.`,
  );
  return `${out.join('\n')}\n`;
}
