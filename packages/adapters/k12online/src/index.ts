/**
 * @eduvn/adapter-k12online (in progress).
 *
 * @packageDocumentation
 */

/** The layout version this package implements. */
export const VERSION = '0';
