// The rehearsal's npm environment. npm, pnpm, yarn and changesets read their settings from a temporary
// userconfig (`npm_config_userconfig`), never from the user's ~/.npmrc, and write caches and stores into the
// scratch folder: the user's npm configuration, caches and stores are not touched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** This process's environment without what npm, pnpm or yarn put there (`pnpm run` exports its settings). */
function withoutPackageManagerSettings() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|yarn_)/i.test(key) && key !== 'INIT_CWD'),
  );
}

/** The registry third-party packages come from: the user's own (a mirror stays a mirror), read before we override. */
export function upstreamRegistry() {
  return execFileSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
    env: withoutPackageManagerSettings(),
  }).trim();
}

/**
 * Environments for the rehearsal's commands: `consumer` sends only our scope to the rehearsal registry; `publish`
 * makes it the default registry too (what `changeset publish` and `npm view` use, as npm's is in the workflow).
 */
export function rehearsalEnv(scratch, registry, upstream) {
  const userconfig = join(scratch, 'npmrc');
  mkdirSync(scratch, { recursive: true });
  writeFileSync(
    userconfig,
    [
      `registry=${upstream}`,
      `@commerce-collections:registry=${registry.url}`,
      `//${registry.host}/:_authToken=${registry.token}`,
      // Provenance needs an OIDC identity (GitHub Actions' id-token), which a local rehearsal has not. npm lets
      // publishConfig.provenance win over this, so the clone also drops that field (workspace-copy.mjs).
      'provenance=false',
      '',
    ].join('\n'),
  );
  const base = withoutPackageManagerSettings();
  const consumer = {
    ...base,
    npm_config_userconfig: userconfig,
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_store_dir: join(scratch, 'pnpm-store'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    YARN_CACHE_FOLDER: join(scratch, 'yarn-cache'),
    YARN_DISABLE_SELF_UPDATE_CHECK: 'true',
    NPM_CONFIG_PROVENANCE: 'false',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    DO_NOT_TRACK: '1',
  };
  // Publishing: the default registry is the rehearsal's, as it would be npm's in the workflow.
  const publish = { ...consumer, npm_config_registry: registry.url };
  return { consumer, publish, userconfig };
}
