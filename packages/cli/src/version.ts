import { version } from '../package.json';

/** This package's version, inlined at build time. */
export const cliVersion: string = version;
