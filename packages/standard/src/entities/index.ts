export * from './can-bo.ts';
export * from './eqms.ts';
export * from './hoc-sinh.ts';
export * from './ket-qua-hoc-tap.ts';
export * from './lop.ts';
export * from './truong.ts';
