/** Help texts. Every flag each command accepts is listed here. */
export const mainHelp = `Usage: commerce-collections-contract <command> [options]

Contract tooling for the commerce-collections specs (HighLevel, Shoplazza).

Commands:
  mock <highlevel|shoplazza>     Serve a Prism mock of the bundled spec until SIGINT/SIGTERM.
  verify <highlevel|shoplazza>   Send the spec's documented requests to an upstream through Prism's
                                 validating proxy and report every contract violation.
  sandbox <highlevel|shoplazza>  Serve a stateful sandbox of the vendor API until SIGINT/SIGTERM.

Run \`commerce-collections-contract <command> --help\` for the command's options.
Exit codes: 0 success, 1 violations found, 2 usage error.
`;

export const mockHelp = `Usage: commerce-collections-contract mock <highlevel|shoplazza> [options]

Serves a Prism mock of the bundled spec on 127.0.0.1 and prints its URL. Stops on SIGINT/SIGTERM.
Pick responses per request with the Prefer header: "Prefer: code=401", "Prefer: example=emptyPage".

Options:
  --port N        Port to listen on (default: any free port).
  --dynamic       Generate bodies from the schemas instead of answering the examples.
  --seed S        Seed for --dynamic, so generated bodies repeat across runs.
  --errors        Answer 500 problem+json when a mocked response would violate the spec.
  -h, --help      Show this help.
`;

export const verifyHelp = `Usage: commerce-collections-contract verify <highlevel|shoplazza> --upstream URL [options]

Builds each operation's documented positive requests from the bundled spec (the required parameters'
examples, plus one request per documented example of each optional parameter), sends them to the upstream
through Prism's validating proxy, and reports every request or response violation by operation, location
(JSON path, array indexes folded to [*]) and message. A non-2xx answer to a documented request is reported
at location "response.status".

Options:
  --upstream URL        Base URL of the service to check (required). For Shoplazza, "{shop}" in the URL
                        is replaced by --shop, e.g. https://{shop}.myshoplazza.com.
  --token-env NAME      Environment variable holding the token (default HIGHLEVEL_TOKEN or
                        SHOPLAZZA_TOKEN). The token is never printed.
  --location-id ID      HighLevel: the location sent as altId (default: the spec's example).
  --shop NAME           Shoplazza: the shop substituted for {shop} in --upstream.
  --junit FILE          Also write a JUnit XML report to FILE.
  --baseline FILE       JSON list of known drift that does not fail the run:
                        [{ "operation", "location", "message"?, "expires": "YYYY-MM-DD", "reason" }].
                        Entries past "expires" suppress nothing and fail the run.
  --rate N              Requests per second, at most (default 2).
  --max-requests N      Send at most N requests (default 20).
  --timeout SECONDS     Budget for the whole run (default 60).
  -h, --help            Show this help.

Exit codes: 0 nothing new found, 1 violations (or expired baseline entries), 2 usage error.
`;

export const sandboxHelp = `Usage: commerce-collections-contract sandbox <highlevel|shoplazza> [options]

Serves a stateful sandbox of the vendor API on 127.0.0.1 and prints its URL. Stops on SIGINT/SIGTERM.

Options:
  --port N              Port to listen on (default: any free port).
  --collections N       Number of generated collections (default 250).
  --seed S              Seed for the generated data (default "sandbox").
  --token-env NAME      Environment variable holding the token the sandbox accepts
                        (default: the token is "sandbox-token").
  --location-id ID      HighLevel: the location the data belongs to.
  --shop NAME           Shoplazza: the shop name.
  --mode MODE           "faithful" (default) or "drifted" (breaks the contract on purpose).
  --inactive            Shoplazza: answer 401 "store is not active".
  --cursor-mode MODE    Shoplazza 2025-06: "keyset" (default; stable under inserts and deletes) or
                        "offset" (unstable on purpose: inserts repeat items, deletes skip them).
  --latency-ms N        Delay every response by N ms.
  --time-scale F        Multiply rate-limit intervals by F (0.1 = ten times faster).
  --no-rate-limit       Never answer 429.
  -h, --help            Show this help.
`;
