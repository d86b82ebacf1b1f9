import type { ProviderName } from './plan';

/**
 * How many collections each local sandbox holds: a few hundred, so a newcomer sees real pagination
 * (3 HighLevel pages and 2 Shoplazza pages at the default page size of 100).
 */
export const sandboxSizes: Record<ProviderName, number> = { highlevel: 240, shoplazza: 180 };
