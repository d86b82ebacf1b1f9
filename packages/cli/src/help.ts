import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@commerce-collections/sdk';
import { sandboxSizes } from './sandbox-sizes';

export const usageHint = 'Run commerce-collections list --help';

/** The full --help text: commands, flags, environment, exit codes and examples. */
export function helpText(): string {
  return `commerce-collections: list product collections from HighLevel and Shoplazza.

Usage:
  commerce-collections list [options]
  commerce-collections --help | --version

Commands:
  list                          Print every collection matching the filters, page after page.

Filters:
  --provider <name>             highlevel, shoplazza or all (default: all, HighLevel first)
  --search <text>               Name/title contains <text> (HighLevel name, Shoplazza title)
  --ids <a,b,...>               Only these collection ids (comma-separated)
  --updated-after <time>        Updated at or after <time> (Shoplazza only)
  --updated-before <time>       Updated at or before <time> (Shoplazza only)
  --product-id <id>             Collections containing this product (Shoplazza only)
                                <time> is ISO 8601: 2024-05-01 or 2024-05-01T12:00:00Z;
                                without an offset it is UTC.

Output:
  --format <format>             table (default): aligned columns for people
                                json: one array, streamed one collection per line
                                ndjson: one JSON collection per line
  --raw                         json/ndjson: include each provider's untouched item as "raw"
  --max <n>                     Stop after <n> collections (no further requests are sent)
  --page-size <n>               Collections per request, 1-${MAX_PAGE_SIZE} (default: ${DEFAULT_PAGE_SIZE})
  --verbose                     One stderr line per HTTP attempt; on failure, the stack
                                and the error's details too

Data goes to stdout, alone. Notices, the summary line and errors go to stderr; live
progress (pages, items, rate-limit waits) is drawn only when stderr is a terminal.

Credentials:
  Tokens are read ONLY from the environment, never from flags, so they stay out of
  shell history and process lists. The other settings can be flags or variables.
  HIGHLEVEL_TOKEN               HighLevel private integration or OAuth access token
  HIGHLEVEL_LOCATION_ID         HighLevel location (sub-account) id
                                  or --highlevel-location-id <id>
  SHOPLAZZA_TOKEN               Shoplazza access token
  SHOPLAZZA_SHOP                Shoplazza shop, the <shop> of <shop>.myshoplazza.com
                                  or --shoplazza-shop <shop>
  SHOPLAZZA_API_VERSION         Shoplazza API version: 2022-01 (default) or 2025-06
                                  or --shoplazza-version <version>
                                2022-01 pages by number and checks each page boundary
                                (about 2 requests per page); 2025-06 follows the server's
                                cursor (1 request per page, about twice as fast at
                                Shoplazza's 2 requests/s) and stops with an error if the
                                cursor repeats a collection. --mock serves both.

  A provider whose token is not set is listed from a local sandbox (${sandboxSizes.highlevel} HighLevel,
  ${sandboxSizes.shoplazza} Shoplazza sample collections, validated against the OpenAPI specs), and
  stderr says so. --mock uses the sandboxes for every provider, credentials or not.
  The sandboxes need @commerce-collections/contract installed next to the CLI
  (npm install @commerce-collections/contract); without it this is a usage error.

Debugging:
  --mock                        List from the local sandboxes only
  --highlevel-base-url <url>    Send HighLevel requests to <url> instead of the real API
  --shoplazza-base-url <url>    Send Shoplazza requests to <url> (replaces https://<shop>.myshoplazza.com)
                                Both need the provider's token in the environment.

Exit codes:
  0     Success (also when stdout is closed early, e.g. by | head)
  1     The API failed (authentication, rate limit, server or network error)
  2     Usage error: unknown flag, bad or missing value, sandboxes not installed
  130   Interrupted (Ctrl-C): no further requests; what was printed is kept
  143   Terminated (SIGTERM): the same graceful stop as Ctrl-C

Examples:
  commerce-collections list --mock --provider all --format table

  read -rs HIGHLEVEL_TOKEN && export HIGHLEVEL_TOKEN    # typed, not echoed, not in history
  commerce-collections list --provider highlevel --highlevel-location-id loc_123

  commerce-collections list --provider shoplazza --shoplazza-shop my-store \\
    --updated-after 2024-05-01 --format ndjson
  commerce-collections list --search summer --format json --max 20 | jq '.[].title'
`;
}
