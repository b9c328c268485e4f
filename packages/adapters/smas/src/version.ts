/**
 * The version of the SMAS layout this package models: `smas-tt27-model` and a revision. It is a
 * model built from a description of SMAS (Viettel) exports, not from a published layout: it
 * changes when what is known about the files changes.
 */
export const SMAS_LAYOUT_VERSION = 'smas-tt27-model-1';
