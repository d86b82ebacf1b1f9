import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const specsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(specsDir, '..');
export const fixture = (name: string) => join(specsDir, 'fixtures', 'breaking', name);
