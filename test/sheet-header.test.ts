import { describe, expect, it } from 'vitest';
import { loadColumnMap } from '../src/input/column-map.js';
import { combineHeaderRows, findHeader, headerSearchRows } from '../src/input/header.js';
import { SheetError } from '../src/input/messages.js';

const title = '平顺县2026年村卫生室标准化建设情况统计表';
const codes = (found: { notes: readonly { code: string }[] }) => found.notes.map((n) => n.code);

describe('findHeader', () => {
  it('takes row 1 when it names the columns', () => {
    const found = findHeader([
      ['机构编码', '机构名称', '建筑面积（平方米）'],
      ['c1', '西沟乡东庄村卫生室', '86'],
    ]);
    expect(found).toEqual({ row: 1, header: ['机构编码', '机构名称', '建筑面积（平方米）'], notes: [] });
  });

  it('skips a merged title row above the header, given in its first cell or in every cell of the merge', () => {
    const header = ['序号', '机构名称', '乡镇', '建筑面积（平方米）', '备注'];
    for (const first of [[title, '', '', '', ''], Array(59).fill(title)]) {
      const found = findHeader([first, header, ['1', '西沟乡东庄村卫生室', '西沟乡', '86', '']]);
      expect(found.row).toBe(2);
      expect(found.header).toEqual(header);
      expect(found.notes).toEqual([
        { code: 'header.title', zh: `第1行为表头标题，已跳过（“${title}”）`, en: `row 1 is a title, skipped ("${title}")`, values: { row: 1, text: title } },
      ]);
    }
  });

  it('skips empty rows and a line saying who filled the sheet in, and says so', () => {
    const found = findHeader([
      [title],
      [],
      ['填报单位（盖章）：平顺县卫生健康局', '', '', '填报日期：2026年3月10日'],
      ['机构名称', '乡镇', '药品品种（种）'],
    ]);
    expect(found.row).toBe(4);
    expect(codes(found)).toEqual(['header.title', 'header.empty-row', 'header.skipped-row']);
    expect(found.notes[1]!.zh).toBe('第2行为空行，已跳过');
    expect(found.notes[2]!.zh).toBe('第3行不是表头，已跳过（“填报单位（盖章）：平顺县卫生健康局”、“填报日期：2026年3月10日”）');
  });

  it('combines a two-row merged header, the parent carried across the empty cells of its merge', () => {
    const found = findHeader([
      [title],
      ['序号', '机构名称', '乡（镇）', '人员情况', '', '房屋面积', '备注'],
      ['', '', '', '在岗人员', '卫生技术人员', '', ''],
      ['1', '西沟乡东庄村卫生室', '西沟乡', '2', '2', '86', ''],
    ]);
    expect(found.row).toBe(3);
    expect(found.header).toEqual(['序号', '机构名称', '乡（镇）', '人员情况/在岗人员', '人员情况/卫生技术人员', '房屋面积', '备注']);
    expect(found.notes.map((n) => n.zh)).toEqual([
      `第1行为表头标题，已跳过（“${title}”）`,
      '第2、3行为两行表头，已合并为一行：“人员情况/在岗人员”、“人员情况/卫生技术人员”',
    ]);
  });

  it('combines a two-row header whose merged cells a reader repeats in every cell of the merge', () => {
    // As exceljs reads merges: 序号 merged down both rows appears twice, 人员情况 across two columns twice.
    const found = findHeader([
      ['序号', '机构名称', '人员情况', '人员情况', '房屋面积'],
      ['序号', '机构名称', '在岗人员', '卫生技术人员', '房屋面积'],
      ['1', '西沟乡东庄村卫生室', '2', '2', '86'],
    ]);
    expect(found.row).toBe(2);
    expect(found.header).toEqual(['序号', '机构名称', '人员情况/在岗人员', '人员情况/卫生技术人员', '房屋面积']);
  });

  it('does not take the first data row for the second row of a header', () => {
    const found = findHeader([
      ['机构名称', '乡镇', '人员情况', '建筑面积'],
      ['西沟乡东庄村卫生室', '西沟乡', '2', '86'],
      ['西沟乡西沟村卫生室', '', '3', ''],
    ]);
    expect(found).toMatchObject({ row: 1, notes: [] });
  });

  it('skips group headings over children that name the fields alone', () => {
    const found = findHeader([
      ['基本情况', '', '人员情况', ''],
      ['机构名称', '乡镇', '在岗人员', '卫生技术人员'],
    ]);
    expect(found).toMatchObject({ row: 2, header: ['机构名称', '乡镇', '在岗人员', '卫生技术人员'] });
    expect(codes(found)).toEqual(['header.skipped-row']);
  });

  it('reads a header wrapped with Alt+Enter and full-width letters as the names they are', () => {
    expect(findHeader([['机构\n名称', 'ｐｒｅｍｉｓｅｓ．ｂｕｉｌｄｉｎｇＡｒｅａ']]).row).toBe(1);
  });

  it('needs two known columns: 序号 and 备注 do not count', () => {
    expect(() => findHeader([['序号', '机构名称', '备注']])).toThrow(SheetError);
  });

  it('knows the headers of a column map', () => {
    const map = loadColumnMap('卫生室名字: name\n房子多大: premises.buildingArea\n', 'map.yaml');
    const rows = [[title], ['卫生室名字', '房子多大']];
    expect(() => findHeader(rows)).toThrow(SheetError);
    expect(findHeader(rows, { map }).row).toBe(2);
  });

  it('says there is no header, naming the columns nearest the cells of the first row with text', () => {
    let error: SheetError | undefined;
    try {
      findHeader([[title], ['卫生室名', '建筑面职', '房屋结构']]);
    } catch (e) {
      error = e as SheetError;
    }
    expect(error).toBeInstanceOf(SheetError);
    expect(error!.code).toBe('header.not-found');
    expect(error!.zh).toBe(
      '前20行中没有表头：表头是至少有两列已知列名（如 机构名称、建筑面积）的一行；第2行是：“卫生室名”（是否指“机构名称”？）、“建筑面职”（是否指“建筑面积”？）、“房屋结构”',
    );
    expect(error!.message).toContain('"建筑面职" (did you mean "建筑面积"?)');
  });

  it(`looks for the header in the first ${headerSearchRows} rows only`, () => {
    const rows = [...Array.from({ length: headerSearchRows }, (_, i) => [`第${i + 1}行说明`]), ['机构名称', '建筑面积']];
    expect(() => findHeader(rows)).toThrow('no header in the first 20 rows');
    expect(findHeader(rows.slice(1)).row).toBe(headerSearchRows);
  });

  it('is fast on a header as wide as a worksheet allows', () => {
    const wide = Array.from({ length: 16_384 }, (_, i) => (i % 2 ? '机构名称' : `列${i}`));
    const started = performance.now();
    const found = findHeader([wide, wide]);
    expect(found.row).toBe(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('combineHeaderRows', () => {
  it('keeps a cell merged down both rows as one name and ends a merge at an empty column', () => {
    expect(combineHeaderRows(['乡镇', '人员情况', '', '', '设备'], ['', '在岗', '卫技', '', '听诊器'])).toEqual([
      '乡镇',
      '人员情况/在岗',
      '人员情况/卫技',
      '',
      '设备/听诊器',
    ]);
  });
});
