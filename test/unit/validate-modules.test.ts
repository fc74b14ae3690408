// `npm run validate` parses every chunk as an ES module with V8 (node --check): a bundle that would fail to link in
// the browser is caught before upload, without a browser.
import { describe, expect, it } from 'vitest';
import { moduleSyntaxProblems } from '../../scripts/check-modules.ts';
import { packageFromFiles } from '../../scripts/validate-rules.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('moduleSyntaxProblems', () => {
  it('accepts chunks that parse as modules, imports left unresolved', () => {
    const pkg = packageFromFiles({
      'assets/a.js': text('import{x as e}from"./b.js";const t=e+1;export{t as default};'),
      'assets/b.js': text('export const x=1;'),
      'manifest.json': text('{'),
    });
    expect(moduleSyntaxProblems(pkg)).toEqual([]);
  });

  it('reports a chunk exporting a name it never declares, naming the file and V8 error', () => {
    const pkg = packageFromFiles({
      'assets/ok.js': text('export const x=1;'),
      'assets/facade.js': text('import{n as e}from"./ok.js";export{e as default,RfhPanel_exports as t};'),
    });
    const problems = moduleSyntaxProblems(pkg);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', rule: 'bundle.module-syntax' });
    expect(problems[0]!.message).toContain('assets/facade.js');
    expect(problems[0]!.message).toContain("Export 'RfhPanel_exports' is not defined in module");
  });
});
