import { HtmlReportError } from './errors.ts';

/** The file of the `chart.js` package that is inlined: its minified UMD build (a global `Chart`). */
export const CHART_JS_UMD = 'dist/chart.umd.min.js';

let cached: string | undefined;

/**
 * Reads the minified UMD build of Chart.js (the `chart.js` dependency of this package) from
 * `node_modules`, once per process. Needs Node's `fs` and `module`: in a browser or a bundle
 * without them, pass the library's source as `chartSource` of {@link toHtml} instead.
 *
 * @throws HtmlReportError `CHART_SOURCE_UNAVAILABLE` when the file cannot be found or read.
 */
export async function loadChartSource(): Promise<string> {
  if (cached !== undefined) return cached;
  try {
    const [{ createRequire }, { readFile }, { dirname, join }] = await Promise.all([
      import('node:module'),
      import('node:fs/promises'),
      import('node:path'),
    ]);
    // ESM (`import.meta.url`) or the CommonJS build (`__filename`).
    const from = typeof __filename === 'string' ? __filename : import.meta.url;
    // `chart.js` exports only its entries: resolve the CommonJS one, its folder holds the UMD build.
    const entry = createRequire(from).resolve('chart.js');
    cached = await readFile(join(dirname(entry), '..', CHART_JS_UMD), 'utf8');
    return cached;
  } catch (error) {
    throw new HtmlReportError(
      'CHART_SOURCE_UNAVAILABLE',
      `Chart.js could not be read from node_modules (${(error as Error).message}); pass its UMD build as the chartSource option.`,
    );
  }
}
