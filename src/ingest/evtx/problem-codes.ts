// Stable codes for everything the EVTX reader refuses or reports (docs/evtx.md lists them).

export const EVTX_CODES = {
  /** The file does not start with `ElfFile\0`: refused. */
  notEvtx: 'EVTX001',
  /** The file is shorter than the 128 bytes of file header that are read: refused. */
  headerTruncated: 'EVTX002',
  fileHeaderCrc: 'EVTX101',
  /** The header claims more chunks than the file holds. */
  fileTruncated: 'EVTX102',
  chunkMagic: 'EVTX201',
  chunkHeaderCrc: 'EVTX202',
  chunkRecordsCrc: 'EVTX203',
  chunkHeaderField: 'EVTX204',
  chunkTruncated: 'EVTX205',
  recordHeader: 'EVTX301',
  recordBinXml: 'EVTX302',
  recordLimit: 'EVTX303',
  recovered: 'EVTX401',
} as const;

export type EvtxCode = (typeof EVTX_CODES)[keyof typeof EVTX_CODES];
