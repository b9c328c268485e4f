/** The adapter ids of this package, by file. */
export const MOET_ADAPTER_IDS = Object.freeze({
  /** `c1HocSinh` and every `createC1HocSinh` adapter. */
  c1HocSinh: 'moet-c1-hocsinh',
  /** `csdlGiaoVien` and every `createCsdlGiaoVien` adapter. */
  csdlGiaoVien: 'moet-csdl-giaovien',
  /** `kqhtAdapter` for grades 1–2. */
  kqhtK12: 'moet-kqht-k12',
  /** `kqhtAdapter` for grades 3–5. */
  kqhtK345: 'moet-kqht-k345',
});
