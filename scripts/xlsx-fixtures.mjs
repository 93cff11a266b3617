// Workbooks written as other programs write them, byte by byte, for the xlsx reader's tests:
// `node scripts/xlsx-fixtures.mjs [dir]` writes fixtures/batches/openpyxl-comments.xlsx (or into dir).
// test/input-xlsx.test.ts runs it again and reads what it writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip archive of the entries given, deflated. `declare` overrides the uncompressed size the
 * archive declares for an entry (to make a lying archive); `store` keeps an entry uncompressed;
 * `deflated` gives an entry's compressed bytes, size and CRC as they are (see `repeatedDeflate`).
 */
export function zip(entries) {
  const locals = [];
  const directory = [];
  let offset = 0;
  for (const { name, data, declare, store, deflated } of entries) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const packed = deflated ? deflated.bytes : store ? bytes : deflateRawSync(bytes);
    const nameBytes = Buffer.from(name);
    const size = declare ?? (deflated ? deflated.size : bytes.length);
    const crc = deflated ? deflated.crc : crc32(bytes);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(store ? 0 : 8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    locals.push(header, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(store ? 0 : 8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/**
 * `piece` repeated `times`, deflated without deflating it all: one block of it, flushed so it
 * stands alone, repeated, then an empty final block. A zip bomb made in milliseconds.
 */
export function repeatedDeflate(piece, times) {
  const block = deflateRawSync(piece, { finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < times; i++) crc = crc32(piece, crc);
  return { bytes: Buffer.concat([...Array.from({ length: times }, () => block), Buffer.from([0x03, 0x00])]), size: piece.length * times, crc };
}

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The parts of a workbook with one worksheet, laid out as openpyxl 3.1 writes them: absolute
 * relationship targets, shared strings, a cell comment as xl/comments/comment1.xml with its
 * VML drawing (xl/drawings/commentsDrawing1.vml) and the sheet's legacyDrawing.
 * `rows` are arrays of strings, numbers or booleans; `sheetExtra` is XML after sheetData
 * (merged cells); `comment` is put on A1 (null: no comment, and no comment or drawing parts).
 */
export function openpyxlParts({ sheet = 'Sheet', rows, sheetExtra = '', comment = '县卫健局核对：编码按国家码填写' }) {
  const strings = [];
  const index = new Map();
  const shared = (s) => {
    if (!index.has(s)) {
      index.set(s, strings.length);
      strings.push(s);
    }
    return index.get(s);
  };
  const column = (n) => {
    let name = '';
    for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
    return name;
  };
  const rowXml = rows
    .map((cells, r) => {
      const cellXml = cells
        .map((value, c) => {
          const ref = `${column(c + 1)}${r + 1}`;
          if (value === null || value === undefined) return '';
          if (typeof value === 'number') return `<c r="${ref}" t="n"><v>${value}</v></c>`;
          if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
          return `<c r="${ref}" t="s"><v>${shared(value)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cellXml}</row>`;
    })
    .join('');
  return [
    {
      name: '[Content_Types].xml',
      data: `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
    },
    { name: '_rels/.rels', data: `${xml}<Relationships xmlns="${pkg}"><Relationship Type="${rel}/officeDocument" Target="/xl/workbook.xml" Id="rId1"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `${xml}<workbook xmlns="${main}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets><sheet xmlns:r="${rel}" name="${escape(sheet)}" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${xml}<Relationships xmlns="${pkg}"><Relationship Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${rel}/styles" Target="/xl/styles.xml" Id="rId2"/><Relationship Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml" Id="rId3"/></Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      data: `${xml}<styleSheet xmlns="${main}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles></styleSheet>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${xml}<worksheet xmlns="${main}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:${column(Math.max(...rows.map((r) => r.length)))}${rows.length}"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>${rowXml}</sheetData>${sheetExtra}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><legacyDrawing xmlns:r="${rel}" r:id="anysvml"/></worksheet>`,
    },
    {
      name: 'xl/worksheets/_rels/sheet1.xml.rels',
      data: `${xml}<Relationships xmlns="${pkg}"><Relationship Type="${rel}/comments" Target="/xl/comments/comment1.xml" Id="comments"/><Relationship Type="${rel}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml"/></Relationships>`,
    },
    {
      name: 'xl/comments/comment1.xml',
      data: `${xml}<comments xmlns="${main}"><authors><author>县卫健局</author></authors><commentList><comment ref="A1" authorId="0" shapeId="0"><text><t>${escape(comment)}</t></text></comment></commentList></comments>`,
    },
    {
      name: 'xl/drawings/commentsDrawing1.vml',
      data: `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="anysvml_1" type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `${xml}<sst xmlns="${main}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`,
    },
    {
      name: 'docProps/core.xml',
      data: `${xml}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-20T08:00:00Z</dcterms:modified></cp:coreProperties>`,
    },
  ].filter((part) => comment !== null || !/comments|drawings|_rels\/sheet1/.test(part.name))
    .map((part) => (comment === null && part.name === 'xl/worksheets/sheet1.xml' ? { ...part, data: part.data.replace(/<legacyDrawing[^>]*\/>/, '') } : part));
}

/** The Pingshun clinics as a county office's openpyxl script exports them, with a comment on the header. */
export const pingshunRows = [
  ['机构编码', '机构名称', '县（市、区）', '建筑面积（平方米）', '药品品种（种）', '供水'],
  ['140425001', '西沟乡东庄村卫生室', '平顺县', 86, 62, true],
  ['140425002', '石城镇恶岭村卫生室', '平顺县', 52, 40, false],
];

export function openpyxlWorkbook() {
  return zip(openpyxlParts({ sheet: '村卫生室', rows: pingshunRows }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'fixtures', 'batches');
  writeFileSync(join(dir, 'openpyxl-comments.xlsx'), openpyxlWorkbook());
}
