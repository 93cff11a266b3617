// Text from the data reaching a terminal or a document is inert: escape sequences in a facility
// name cannot drive the assessor's terminal, a right-to-left override cannot reorder the HTML
// report, and a village named "- x" cannot become a Markdown list item.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryText } from '../src/cli/assessment.js';
import { run } from '../src/cli/main.js';
import { evaluateSync, renderJson, renderPortfolioHtml, renderPortfolioMarkdown, renderText } from '../src/index.js';
import { buildPortfolio, records } from './support/portfolio.js';

/** The characters the reports must never let through raw: C0, DEL, C1 and the bidi controls. */
const rawControl = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const rawControls = (text: string): string[] => [...text].filter((c) => rawControl.test(c));

/** Plain text output: only its own line breaks may be controls. */
const rawInText = (text: string): string[] => rawControls(text.replaceAll('\n', ''));

interface Names {
  readonly name: string;
  readonly id: string;
  readonly village: string;
  readonly township: string;
}

/**
 * The batch of test/support/portfolio.ts with row 5 (the sparse 平顺县 clinic, among the closest
 * to the county's target) named by `names`, and a row 10 that gives only its township and village,
 * so that its place starts a line of the Markdown report. `only`: the rows of the batch to keep.
 */
function batchNamed(names: Names, only?: readonly number[]) {
  const rows = records().filter((r) => !only || only.includes(r.row)).map((r) => {
    if (r.row !== 5) return r;
    const record = r.record as Record<string, unknown>;
    return { row: 5, record: { ...record, name: names.name, id: names.id, region: { ...(record.region as object), township: names.township, village: names.village } } };
  });
  const row5 = rows.find((r) => r.row === 5)!.record as Record<string, unknown>;
  rows.push({ row: 10, record: { ...row5, region: { province: '山西省', township: names.township, village: names.village } } });
  return buildPortfolio({ rows });
}

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  return run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }).then((code) => ({ code, stdout, stderr }));
}

const clinic = (name: string, id: string) => ({
  ...(records()[0]!.record as Record<string, unknown>),
  name,
  id,
});

describe('the text output', () => {
  it('writes escape sequences in a facility name out instead of sending them to the terminal', () => {
    const text = renderText([evaluateSync(clinic('\u001b]0;pwned\u0007青羊镇上庄村卫生室', 'qingyang\u001b[2J'), 'changzhi/village-clinic')]);
    expect(rawInText(text)).toEqual([]);
    expect(text.split('\n')[0]).toBe('\\u001B]0;pwned\\u0007青羊镇上庄村卫生室 (qingyang\\u001B[2J)');
  });

  it('does so for `check`, its ladder, and the messages that quote the name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inert-'));
    const file = join(dir, 'clinic.json');
    writeFileSync(file, JSON.stringify(clinic('东庄\u001b[2J卫生所\u202e', 'dongzhuang')));
    for (const argv of [['check', file, '--standard', 'changzhi/village-clinic'], ['check', file, '--ladder', 'changzhi/village-clinic']]) {
      const { code, stdout, stderr } = await cli(...argv);
      expect(code, stderr).toBe(1);
      expect(rawInText(stdout)).toEqual([]);
      expect(stdout.split('\n')[0]).toBe('东庄\\u001B[2J卫生所\\u202E (dongzhuang)');
    }
    // The naming requirement quotes the name in its message.
    const { stdout } = await cli('check', file, '--standard', 'changzhi/village-clinic');
    expect(stdout).toContain('机构名称为“东庄\\u001B[2J卫生所\\u202E”');
  });

  it("writes them out in the batch summary's closest list", () => {
    const { portfolio, tally } = batchNamed({ name: '\u001b]0;pwned\u0007', id: 'x\u001b[2J', village: '西沟村', township: '西沟乡' });
    const summary = summaryText(tally, portfolio, 'zh');
    expect(rawInText(summary)).toEqual([]);
    // Row 5 has all 14 required requirements open; rows 2 and 3 one each.
    expect(summary).toContain('龙溪镇井底村卫生室 (1)、东庄卫生所 (1)、\\u001B]0;pwned\\u0007 (14)');
  });
});

describe('the JSON output', () => {
  it('escapes what JSON.stringify leaves raw (C1 controls, bidi controls), reading back the same', () => {
    // U+009B is a one-character CSI on terminals that take C1 controls.
    const name = '东庄\u009b2J卫生所\u202e\u2028';
    const report = evaluateSync(clinic(name, 'dongzhuang\u0007'), 'changzhi/village-clinic');
    const json = renderJson([report]);
    expect(rawInText(json)).toEqual([]);
    expect(json).toContain('"name": "东庄\\u009b2J卫生所\\u202e\\u2028"');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ reports: [report] })));
  });
});

describe('the HTML report', () => {
  it('isolates an id holding a right-to-left override, wherever the id is shown', () => {
    const { portfolio } = batchNamed({ name: '西沟乡测试卫生室', id: 'test\u202egnp.exe', village: '西沟村', township: '西沟乡' });
    const html = renderPortfolioHtml(portfolio);
    expect(html).toContain('<span class="name"><bdi>西沟乡测试卫生室</bdi> (<bdi>test\u202egnp.exe</bdi>)</span>');
    // In the closest list, and nowhere outside an isolating element.
    expect(html).toMatch(/<a href="#row-5" data-row="5" data-facility-id="test\u202egnp.exe"><bdi>西沟乡测试卫生室<\/bdi> \(<bdi>test\u202egnp.exe<\/bdi>\)（第 5 行/);
    expect(textOutsideBdi(html).filter((t) => t.includes('\u202e'))).toEqual([]);
  });
});

describe('the Markdown report', () => {
  const hostile = ['---', '- x', '+ x', '* x', '1. x', '1) x', '# x', '> x', '| x |', '    x', '\tx', '===', '```x', '~~~', '<div>', '[x]: /y', '***'];

  it('keeps its structure whatever a village or a name is called', () => {
    const baseline = blockSignature(renderPortfolioMarkdown(batchNamed({ name: 'n', id: 'i', village: 'v', township: 't' }).portfolio));
    for (const text of hostile) {
      const markdown = renderPortfolioMarkdown(batchNamed({ name: text, id: text, village: text, township: text }).portfolio);
      expect(blockSignature(markdown), JSON.stringify(text)).toEqual(baseline);
    }
  });

  it('escapes a village that starts the place line', () => {
    // Row 10 has no city or county: its township starts the line; a mark further on is only text.
    const markdown = renderPortfolioMarkdown(batchNamed({ name: 'n', id: 'i', village: '- x', township: '1. x' }).portfolio);
    expect(markdown).toContain('\n1\\. x- x · 村卫生室\n');
    // Without a township, the village starts it.
    for (const [village, line] of [['- x', '\\- x'], ['    x', '&#32;&#32;&#32;&#32;x'], ['---', '\\---'], ['2) x', '2\\) x']]) {
      const place = renderPortfolioMarkdown(batchNamed({ name: 'n', id: 'i', village: village!, township: '' }).portfolio);
      expect(place, village).toContain(`\n${line} · 村卫生室\n`);
    }
  });
});

/** Any string, rich in controls, bidi controls and markup. */
const hostileString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u0007', '\u0000', '\u007f', '\u0085', '\u009b', '\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u061c', '\n', '\r', '\t', '\u2028'),
    fc.constantFrom('-', '+', '*', '_', '#', '>', '|', '`', '~', '<', '[', ']', '=', '.', ')', '&', '\\', '!', ' ', '1'),
    fc.constantFrom('西', '沟', '村', 'a', 'é'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const hostileNames: fc.Arbitrary<Names> = fc.record({ name: hostileString, id: hostileString, village: hostileString, township: hostileString });

describe('for any name, id, village and township', () => {
  const params = { seed: 20261201, numRuns: 40 };
  // Rows 1 and 5 of 平顺县 (row 5 the closest to the county's target), and row 10: a small batch, so each run is quick.
  const small = [1, 5];

  it('the text output and the batch summary hold no raw control', () => {
    fc.assert(
      fc.property(hostileNames, (names) => {
        const { portfolio, tally } = batchNamed(names, small);
        expect(rawInText(summaryText(tally, portfolio, 'zh'))).toEqual([]);
        const record = { ...clinic(names.name, names.id), region: { province: '山西省', city: '长治市', county: '平顺县', township: names.township, village: names.village } };
        expect(rawInText(renderText([evaluateSync(record, 'changzhi/village-clinic')]))).toEqual([]);
      }),
      params,
    );
  });

  it('the Markdown report has the same blocks as with plain names', () => {
    const baseline = blockSignature(renderPortfolioMarkdown(batchNamed({ name: 'n', id: 'i', village: 'v', township: 't' }, small).portfolio));
    fc.assert(
      fc.property(hostileNames, (names) => {
        const markdown = renderPortfolioMarkdown(batchNamed(names, small).portfolio);
        expect(blockSignature(markdown)).toEqual(baseline);
        expect(rawInText(markdown)).toEqual([]);
      }),
      params,
    );
  });

  it('the HTML report has every one of them isolated, and the same elements as with plain names', () => {
    // Marked at both ends to find them in the page.
    const marked = (names: Names): Names => ({ name: `⦃${names.name}⦄`, id: `⦃${names.id}⦄`, village: `⦃${names.village}⦄`, township: `⦃${names.township}⦄` });
    const tags = (html: string) => [...html.matchAll(/<(\/?[a-zA-Z][\w-]*)/g)].map((m) => m[1]).filter((t) => t !== 'br');
    const baseline = tags(renderPortfolioHtml(batchNamed(marked({ name: 'n', id: 'i', village: 'v', township: 't' }), small).portfolio));
    fc.assert(
      fc.property(hostileNames, (names) => {
        const html = renderPortfolioHtml(batchNamed(marked(names), small).portfolio);
        expect(tags(html)).toEqual(baseline);
        expect(textOutsideBdi(html).filter((t) => /[⦃⦄]/.test(t))).toEqual([]);
        // Nothing from the data opens an element: between the marks, only the line breaks of messages.
        for (const [datum] of html.matchAll(/⦃[^⦄]*⦄/g)) expect(datum.replaceAll('<br>', '')).not.toContain('<');
        expect(rawControls(html.replaceAll('\n', '')).filter((c) => !/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c))).toEqual([]);
      }),
      params,
    );
  });
});

/** The text of an HTML document outside `<bdi>` elements (and outside tags). */
function textOutsideBdi(html: string): string[] {
  const outside: string[] = [];
  let depth = 0;
  for (const [token, close, name] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>|[^<]+/g)) {
    if (name === undefined) {
      if (depth === 0) outside.push(token);
    } else if (name === 'bdi') depth += close ? -1 : 1;
  }
  return outside;
}

/**
 * What each line of a Markdown text opens, by the CommonMark rules for block starts: its indent and
 * kind (blank, heading level, thematic break or setext underline, bullet or ordered item, block
 * quote, fence, HTML, table row with its cell count, text).
 */
function blockSignature(markdown: string): string[] {
  return markdown.split('\n').map((line) => {
    const indent = line.match(/^[ \t]*/)![0];
    const rest = line.slice(indent.length);
    const kind =
      rest === '' ? 'blank'
      : /^#{1,6}(?:[ \t]|$)/.test(rest) ? `h${rest.match(/^#+/)![0].length}`
      : /^([-*_=])[ \t]*(?:\1[ \t]*)*$/.test(rest) ? 'break'
      : /^[-+*](?:[ \t]|$)/.test(rest) ? 'bullet'
      : /^\d{1,9}[.)](?:[ \t]|$)/.test(rest) ? 'ordered'
      : rest.startsWith('>') ? 'quote'
      : /^(?:`{3}|~{3})/.test(rest) ? 'fence'
      : rest.startsWith('<') ? 'html'
      : /^\[[^\]]*\]:/.test(rest) ? 'definition'
      : rest.startsWith('|') ? `row of ${rest.split(/(?<!\\)\|/).length - 2}`
      : 'text';
    return `${JSON.stringify(indent)} ${kind}`;
  });
}
