// Windows event XML: Splunk XmlWinEventLog and rendered <Events> documents.
import { readXml } from '../xml/read-xml.ts';
import type { InputFormat } from './input-format.ts';

const BANNER = /^\s*(?:evtxexport \d+|Record \d+)\s*\n\s*</;

export const xmlFormat: InputFormat = {
  name: 'xml',
  description: 'Windows event XML (Splunk XmlWinEventLog, wevtutil, Event Viewer, evtxexport)',
  extensions: ['.xml', '.log'],
  sniff: ({ text }) => text.trimStart().startsWith('<') || BANNER.test(text),
  read: readXml,
};
