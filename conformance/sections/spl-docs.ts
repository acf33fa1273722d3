// spl-docs: the Search Reference's documented examples (written as fixtures in conformance/spl-docs)
// run through spelunk; prints how many give the documented result and each difference with its page.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type ConformanceSection, REPO_ROOT } from '../harness.ts';
import type { DocPage } from '../spl-docs/doc-example.ts';
import { runExample } from '../spl-docs/run-example.ts';

const PAGES_DIR = path.join(REPO_ROOT, 'conformance', 'spl-docs', 'pages');
const SEARCH_REFERENCE = 'https://help.splunk.com/en/splunk-enterprise/spl-search-reference/10.0/';

async function loadPages(): Promise<DocPage[]> {
  const pages: DocPage[] = [];
  for (const file of readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const module = (await import(path.join(PAGES_DIR, file))) as { default: DocPage };
    pages.push(module.default);
  }
  return pages;
}

const section: ConformanceSection = {
  name: 'spl-docs',
  description: "documented examples of Splunk's Search Reference give the documented result",
  async run() {
    const hardFailures: string[] = [];
    const differences: string[] = [];
    const errata: string[] = [];
    let total = 0;
    let equal = 0;
    for (const page of await loadPages()) {
      let pageEqual = 0;
      for (const example of page.examples) {
        total++;
        let difference: string | undefined;
        try {
          difference = runExample(example);
        } catch (caught) {
          difference = `crashed: ${caught instanceof Error ? caught.message : String(caught)}`;
          hardFailures.push(`${page.title}: ${example.name}: ${difference}`);
        }
        if (difference === undefined) {
          equal++;
          pageEqual++;
          if (example.erratum !== undefined) {
            errata.push(`  ${page.title}: ${example.name}\n    ${example.erratum}`);
          }
        } else {
          differences.push(
            `  ${page.title}: ${example.name}\n    ${example.spl.replace(/\s*\n\s*/g, ' ')}\n    ${difference}\n    ${SEARCH_REFERENCE}${page.path}`,
          );
        }
      }
      console.log(`${page.title}: ${pageEqual}/${page.examples.length} equal`);
    }
    console.log(`\n${equal}/${total} equal`);
    if (differences.length > 0) console.log(`differences:\n${differences.join('\n')}`);
    if (errata.length > 0) {
      console.log(
        `page errata (equal to what Splunk returns, not to the page's text):\n${errata.join('\n')}`,
      );
    }
    return { hardFailures };
  },
};

export default section;
