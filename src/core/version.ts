// Read once at build time from package.json (esbuild inlines the JSON import).
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
