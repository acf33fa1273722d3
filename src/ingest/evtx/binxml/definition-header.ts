// A template definition's header, before its BinXML: next-definition offset (4 bytes), template
// GUID (16) and data size (4) (MS-EVEN6 §3.1.4.7.2). The template cache and the instance reader
// both step over it; in its own module so that neither imports the other.
export const DEFINITION_HEADER_SIZE = 24;
