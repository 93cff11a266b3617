import { describe, expect, it } from 'vitest';
import { recordFromRow, maxListItems } from '../src/input/cells.js';
import { sheetColumns } from '../src/input/columns.js';

/** One cell under one header: the value read, or the problem. */
function read(header: string, cell: string) {
  const columns = sheetColumns(['机构名称', header]);
  const { record, problems } = recordFromRow(['某村卫生室', cell], columns);
  const path = columns[1]!.path;
  let value: unknown = record;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return { value, problems };
}
const value = (header: string, cell: string) => {
  const { value, problems } = read(header, cell);
  expect(problems, `${header}: ${cell}`).toEqual([]);
  return value;
};
const problem = (header: string, cell: string) => {
  const { problems } = read(header, cell);
  expect(problems, `${header}: ${cell}`).toHaveLength(1);
  return problems[0]!;
};

describe('number cells', () => {
  it('read a number followed by the column’s own unit, and thousands separators', () => {
    for (const cell of ['80㎡', '80 平方米', '80m²', '80 m2', '80平米', '８０', '80.0']) expect(value('建筑面积', cell)).toBe(80);
    expect(value('服务人口', '1,200')).toBe(1200);
    expect(value('服务人口', '1,200人')).toBe(1200);
    expect(value('服务人口', '１，２００')).toBe(1200);
    expect(value('服务人口', '12,345,678')).toBe(12345678);
    expect(value('药品品种', '64种')).toBe(64);
    expect(value('药品品种', '64 个')).toBe(64);
    expect(value('在岗人员', '3人')).toBe(3);
    expect(value('听诊器', '2台')).toBe(2);
    expect(value('血压计（数量）', '2 个')).toBe(2);
  });

  it('refuse anything else, naming the column, in both languages', () => {
    for (const cell of ['约80', '80-90', '八十', '80人', '1,20', '1 200', '80㎡㎡', '㎡', '1.40425E+11']) {
      const found = problem('建筑面积（平方米）', cell);
      expect(found).toMatchObject({ column: '建筑面积（平方米）', code: 'cell.not-number', message: `${JSON.stringify(cell)} is not a number` });
    }
    expect(problem('建筑面积', '约80').zh).toBe('“约80”不是数字：只填数字，可带单位 平方米、㎡、m²、m2、平米');
    expect(problem('在岗人员', '3台').zh).toBe('“3台”不是数字：只填数字，可带单位 人、名');
  });
});

describe('yes/no cells', () => {
  it('read the words assessors write', () => {
    for (const cell of ['是', '有', '√', '✓', '✔', '对', '具备', 'Y', 'y', 'yes', 'TRUE', '1', '１']) expect(value('规范化隔断', cell), cell).toBe(true);
    for (const cell of ['否', '无', '没有', '×', '✗', '✘', '错', '不具备', 'N', 'no', 'false', '0']) expect(value('规范化隔断', cell), cell).toBe(false);
  });

  it('refuse others', () => {
    expect(problem('规范化隔断', '有了')).toMatchObject({ code: 'cell.not-yes-no', message: '"有了" is not yes or no (是/否)' });
    expect(problem('规范化隔断', '部分')).toMatchObject({ zh: '“部分”不是“是”或“否”：可填 是、有、√、✓、✔ 或 否、无、無、没有、×' });
  });
});

describe('code and list cells', () => {
  it('read the synonyms of codes', () => {
    expect(value('房屋产权', '集体')).toBe('collective');
    expect(value('房屋产权', '村集体所有')).toBe('collective');
    expect(value('房屋产权', 'rented')).toBe('rented');
    expect(value('功能用房', '诊室、公卫室')).toEqual(['diagnosis-room', 'public-health-room']);
    expect(value('信息系统', '公卫系统')).toEqual(['public-health-information']);
    expect(value('公示内容', '执业许可证')).toEqual(['practice-license']);
  });

  it('split lists on 、，,;；/ and spaces, once per code', () => {
    expect(value('功能用房', '诊室/治疗室；药房 公卫室，观察室,诊断室;值班室　康复室／处置室')).toEqual([
      'diagnosis-room', 'treatment-room', 'pharmacy', 'public-health-room', 'observation-room', 'duty-room', 'rehabilitation-room', 'disposal-room',
    ]);
  });

  it('report every bad item of a cell, with the allowed values of a short vocabulary', () => {
    expect(problem('房屋产权', '集体产')).toEqual({
      column: '房屋产权',
      code: 'cell.not-code',
      message: '"集体产" is not a code or label of premises ownerships; allowed: 集体产权 (collective), 政府产权 (government), 私人产权 (private), 租赁 (rented), 其他 (other)',
      zh: '“集体产”不是房屋产权的代码或名称；可填：集体产权、政府产权、私人产权、租赁、其他',
      values: { items: ['集体产'], vocabulary: 'ownerships', allowed: ['collective', 'government', 'private', 'rented', 'other'] },
    });
  });

  it('and with the nearest ones of a long vocabulary', () => {
    const found = problem('功能用房', '诊所、药房、治了室、xyz');
    expect(found.message).toBe(
      '"诊所", "治了室", "xyz" are not codes or labels of rooms; nearest to "诊所": 诊断室; nearest to "治了室": 治疗室; nothing near "xyz"',
    );
    expect(found.zh).toBe('“诊所”、“治了室”、“xyz”不是功能用房的代码或名称；“诊所”最接近：诊断室；“治了室”最接近：治疗室；“xyz”没有相近的名称');
  });

  it(`read at most ${maxListItems} items`, () => {
    expect(problem('功能用房', Array(maxListItems + 1).fill('诊室').join('、')).code).toBe('cell.too-many-items');
  });
});

describe('id cells', () => {
  it('refuse an id in scientific notation: its digits are lost', () => {
    for (const cell of ['1.40425E+11', '1.2141E+17', '1E+11', '1.40425e11']) {
      const found = problem('机构编码', cell);
      expect(found.code).toBe('cell.id-scientific');
      expect(found.zh).toContain('原始数字已丢失');
      expect(found.zh).toContain('单元格格式设为“文本”');
      expect(found.message).toContain('save the sheet as .xlsx');
    }
    expect(value('机构编码', '140425100201')).toBe('140425100201');
    expect(value('机构编码', '007')).toBe('007');
  });
});

describe('rows', () => {
  const columns = sheetColumns(['序号', '机构名称', '乡镇', '建筑面积', '备注', '房屋结构']);

  it('do not read columns ignored or not known', () => {
    expect(recordFromRow(['3', '西沟乡东庄村卫生室', '西沟乡', '86', '新建', '砖混'], columns)).toEqual({
      record: { name: '西沟乡东庄村卫生室', region: { township: '西沟乡' }, premises: { buildingArea: 86 } },
      problems: [],
    });
  });

  it('refuse a total row, a merged signature line and a row filling no field', () => {
    expect(recordFromRow(['合计', '', '', '1,024', '', ''], columns).problems).toMatchObject([{ column: 'row', code: 'row.total' }]);
    expect(recordFromRow(['', '合 计', '', '1,024', '', ''], columns).problems).toMatchObject([{ code: 'row.total' }]);
    const signature = '填表人：王丽    审核人：李建国';
    expect(recordFromRow(Array(6).fill(signature), columns).problems).toMatchObject([{ code: 'row.merged' }]);
    expect(recordFromRow([signature, '', '', '', '', ''], columns).problems).toMatchObject([
      { code: 'row.no-field', zh: `该行没有一格填在读取的列中（只有“${signature}”等），不是一个机构：请填写或删去该行` },
    ]);
  });

  it('report every cell that cannot be read, each in its column', () => {
    const { problems } = recordFromRow(['1', '某村卫生室', '某乡', '约80', '', ''], columns);
    expect(problems.map((p) => p.column)).toEqual(['建筑面积']);
  });
});
