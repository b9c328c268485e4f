/**
 * @eduvn/adapter-misa (in progress).
 *
 * @packageDocumentation
 */

/** The layout version this package implements. */
export const VERSION = '0';
