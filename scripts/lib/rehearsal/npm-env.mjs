// The rehearsal's npm environment. npm, pnpm, yarn and changesets read their settings from a temporary
// userconfig (`npm_config_userconfig`), never from the user's ~/.npmrc, and write caches and stores into the
// scratch folder: the user's npm configuration, caches and stores are not touched.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The registry third-party packages come from: the user's own (a mirror stays a mirror), read before we override. */
export function upstreamRegistry() {
  return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
}

/**
 * Environment for every command of the rehearsal. `publish: true` points the default registry at the rehearsal
 * registry (what `changeset publish` and `npm view` use); otherwise only our scope goes there.
 */
export function rehearsalEnv(scratch, registry, upstream) {
  const userconfig = join(scratch, 'npmrc');
  mkdirSync(join(scratch, 'home'), { recursive: true });
  writeFileSync(
    userconfig,
    [
      `registry=${upstream}`,
      `@commerce-collections:registry=${registry.url}`,
      `//${registry.host}/:_authToken=${registry.token}`,
      // Provenance needs an OIDC identity (GitHub Actions' id-token), which a local rehearsal has not; every
      // package's publishConfig asks for it, so it is switched off here, and only here.
      'provenance=false',
      '',
    ].join('\n'),
  );
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_config_/i.test(key) && !/^(npm_|pnpm_|yarn_)/i.test(key) && key !== 'INIT_CWD',
    ),
  );
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
