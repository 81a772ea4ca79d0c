import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Where `npm run build` puts the ops dashboard (apps/ops-dashboard), relative to the working directory. */
export const DEFAULT_OPS_DASHBOARD_DIR = 'dist/apps/ops-dashboard/src';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface OpsPageAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * The files of the built dashboard, read once at start-up. Only these names are ever served, so
 * no request path reaches the file system.
 */
export class OpsPageAssets {
  private readonly files = new Map<string, OpsPageAsset>();
  readonly directory: string;

  constructor(directory: string = DEFAULT_OPS_DASHBOARD_DIR) {
    this.directory = resolve(directory);
    if (!existsSync(this.directory)) return;
    for (const name of readdirSync(this.directory)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (contentType !== undefined)
        this.files.set(name, { contentType, body: readFileSync(join(this.directory, name)) });
    }
  }

  get built(): boolean {
    return this.files.has('index.html');
  }

  get(name: string): OpsPageAsset | undefined {
    return this.files.get(name);
  }
}
