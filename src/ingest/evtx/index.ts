// Public surface of the EVTX reader: read events, read rendered XML, sniff, and the types involved.
export type { DecodedChunk, DecodedRecord, EvtxProblem } from './decoded.ts';
export { decodeEvtxFile, type EvtxFileOptions } from './evtx-file.ts';
export { FILE_SIGNATURE, hasEvtxSignature } from './file-header.ts';
export { EVTX_CODES, type EvtxCode } from './problem-codes.ts';
export { type EvtxReadOptions, readEvtx, readEvtxXml } from './read-evtx.ts';
export type { XmlStyle } from './render/xml-writer.ts';
