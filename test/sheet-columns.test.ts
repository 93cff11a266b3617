import { describe, expect, it } from 'vitest';
import { templateColumnMap, templateColumns } from '../src/batch/template.js';
import { ColumnMapError, loadColumnMap } from '../src/input/column-map.js';
import { headerKey, identityColumns, mapColumns, maxColumns, notDataColumns, sheetColumns, suggestColumns } from '../src/input/columns.js';
import { SheetError, sheetNotesText } from '../src/input/messages.js';
import { facts } from '../src/record/facts.js';
import { vocabularies, type Term } from '../src/record/vocabulary.js';
import { bundledStandards } from '../src/standard/registry.js';

const paths = (header: string[], options = {}) => sheetColumns(header, options).map((c) => (c.skip ? c.skip : c.path.join('.')));

describe('sheet columns', () => {
  it('read the near-miss headers counties write', () => {
    // Each refused before with "unknown column".
    expect(
      paths(['房屋面积', '村卫生室名称', '乡（镇）', '村', '药品品种数', '中医适宜技术种类', '服务人口数', '在岗人数']),
    ).toEqual(['premises.buildingArea', 'name', 'region.township', 'region.village', 'drugs.varieties', 'services.tcmTechniques', 'servicePopulation', 'staff.onPost']);
    expect(paths(['卫生室名称', '建筑面积'])).toEqual(['name', 'premises.buildingArea']);
    expect(paths(['名称', '建筑面积'])).toEqual(['name', 'premises.buildingArea']);
  });

  it('compare headers without whitespace, line breaks, full-width forms, a required mark or a unit in brackets', () => {
    expect(paths(['机构\n名称', ' 乡 镇 ', 'ｐｒｅｍｉｓｅｓ．ｂｕｉｌｄｉｎｇＡｒｅａ', '*药品品种', '业务用房面积【平方米】'])).toEqual([
      'name', 'region.township', 'premises.buildingArea', 'drugs.varieties', 'premises.businessArea',
    ]);
    expect(paths(['听诊器（台）', '血压计（数量）', '业务用房面积(㎡)'])).toEqual(['equipment.stethoscope', 'equipment.sphygmomanometer', 'premises.businessArea']);
    expect(paths(['县（市、区）', '医师（执业+执业助理）'])).toEqual(['region.county', 'staff.physicians']);
  });

  it('ignore the columns plainly not data and go on, saying which', () => {
    const { columns, notes } = mapColumns(['序号', '机构名称', '建筑面积', '村医姓名', '联系电话', '备注']);
    expect(columns.map((c) => c.skip ?? c.path.join('.'))).toEqual(['not-data', 'name', 'premises.buildingArea', 'not-data', 'not-data', 'not-data']);
    expect(notes).toEqual([
      expect.objectContaining({ code: 'column.ignored', zh: '已忽略（不是数据）：“序号”（A列）、“村医姓名”（D列）、“联系电话”（E列）、“备注”（F列）' }),
    ]);
  });

  it('list a column not known once, with the names nearest it, and go on without it', () => {
    const { columns, notes } = mapColumns(['机构名称', '建筑面职', '面积', '房屋结构', '']);
    expect(columns.map((c) => c.skip ?? c.path.join('.'))).toEqual(['name', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(sheetNotesText(notes, 'zh')).toBe(
      [
        '第B列“建筑面职”不是已知的列，未读取，其数据按未知处理；是否指“建筑面积”？',
        '第C列“面积”不是已知的列，未读取，其数据按未知处理；是否指“建筑面积”、“业务用房面积”、“面积含厕所”？',
        '第D列“房屋结构”不是已知的列，未读取，其数据按未知处理',
        '第E列没有表头，未读取',
        '',
      ].join('\n'),
    );
    expect(notes[0]!.en).toBe('column B "建筑面职" is not a known column: not read, what it would give stays unknown; did you mean "建筑面积"?');
  });

  it('refuse them all with strictColumns', () => {
    expect(() => sheetColumns(['序号', '机构名称', '面积'], { strictColumns: true })).toThrow(
      'unknown columns "序号", "面积" (did you mean "建筑面积", "业务用房面积", "面积含厕所"?): name a record field by its path',
    );
    expect(sheetColumns(['机构名称', '建筑面积'], { strictColumns: true })).toHaveLength(2);
  });

  it('refuse a header naming no field, two columns filling one field, and a header too wide', () => {
    expect(() => sheetColumns(['序号', '备注'])).toThrow(SheetError);
    expect(() => sheetColumns(['房屋面积', '建筑面积（平方米）'])).toThrow('columns "房屋面积" and "建筑面积（平方米）" both fill premises.buildingArea');
    expect(() => sheetColumns(Array.from({ length: maxColumns + 1 }, () => '机构名称'))).toThrow(`at most ${maxColumns}`);
  });

  it('say which columns were read by a synonym', () => {
    const { notes } = mapColumns(['房屋面积', '村卫生室名称']);
    expect(notes).toEqual([
      {
        code: 'column.synonym',
        zh: '按同义列名读取：“房屋面积”→建筑面积、“村卫生室名称”→机构名称',
        en: 'read by synonym: "房屋面积" as building area (premises.buildingArea), "村卫生室名称" as facility name (name)',
        values: { columns: [{ header: '房屋面积', path: 'premises.buildingArea' }, { header: '村卫生室名称', path: 'name' }] },
      },
    ]);
  });

  it('do not read a measure in a unit that is not the field’s, and say what was assumed from brackets', () => {
    const { columns, notes } = mapColumns(['机构名称', '建筑面积（亩）', '功能用房（多项用、分隔）']);
    expect(columns.map((c) => c.skip ?? c.path.join('.'))).toEqual(['name', 'unknown', 'rooms']);
    expect(notes.map((n) => n.zh)).toEqual([
      '第B列“建筑面积（亩）”的单位“亩”不是建筑面积的单位（平方米），未读取，其数据按未知处理',
      '第C列“功能用房（多项用、分隔）”按“功能用房”读取，括号中的“多项用、分隔”未采用',
    ]);
  });

  it('read a two-row header’s parent/child by the whole, the child, or both run together', () => {
    expect(paths(['人员情况/在岗人员', '人员情况/卫生技术人员', '设备/听诊器', '药品/品种', '基本情况/机构名称'])).toEqual([
      'staff.onPost', 'staff.healthTechnicians', 'equipment.stethoscope', 'drugs.varieties', 'name',
    ]);
    expect(paths(['乡/镇', '机构名称'])).toEqual(['region.township', 'name']);
  });
});

describe('the synonyms, curated with the labels', () => {
  it('name one column each: no synonym is another field’s path, label or synonym', () => {
    const owners = new Map<string, string>();
    const claim = (name: string, path: string) => {
      const key = headerKey(name);
      const before = owners.get(key);
      if (before !== undefined && before !== path) throw new Error(`${name} names both ${before} and ${path}`);
      owners.set(key, path);
    };
    for (const [path, { label, synonyms }] of Object.entries(identityColumns)) for (const name of [path, label.zh, ...synonyms]) claim(name, path);
    for (const fact of facts.values()) if (!fact.derived) for (const name of [fact.name, fact.label.zh, ...(fact.synonyms ?? [])]) claim(name, fact.name);
    for (const [code, term] of Object.entries(vocabularies.equipment as Record<string, Term>)) for (const name of [term.zh, ...(term.synonyms ?? [])]) claim(name, `equipment.${code}`);
    for (const name of notDataColumns) expect(owners.has(headerKey(name)), name).toBe(false);
    expect(owners.size).toBeGreaterThan(300);
  });

  it('name one code each within a vocabulary, and none is another term’s label', () => {
    for (const [name, terms] of Object.entries(vocabularies) as [string, Record<string, Term>][]) {
      const owners = new Map<string, string>();
      for (const [code, term] of Object.entries(terms)) owners.set(headerKey(term.zh), code);
      for (const [code, term] of Object.entries(terms)) {
        for (const synonym of term.synonyms ?? []) {
          const before = owners.get(headerKey(synonym));
          expect(before === undefined || before === code, `${name}: ${synonym} is ${before} and ${code}`).toBe(true);
          owners.set(headerKey(synonym), code);
        }
      }
    }
  });

  it('suggest nothing for a header far from every name', () => {
    expect(suggestColumns('经纬度')).toEqual([]);
  });
});

describe('a column map', () => {
  const text = [
    '# 平顺县的表头',
    '房屋建筑面积（㎡）: premises.buildingArea',
    '卫生室名字: 机构名称',
    '人员情况/在岗: staff.onPost',
    '村医签字: null',
    '',
  ].join('\n');

  it('maps a county’s headers to fields, by path or label, and ignores those mapped to null', () => {
    const map = loadColumnMap(text, 'pingshun.yaml');
    const { columns, notes } = mapColumns(['卫生室名字', '房屋建筑面积（㎡）', '人员情况/在岗', '村医签字', '药品品种'], { map });
    expect(columns.map((c) => c.skip ?? c.path.join('.'))).toEqual(['name', 'premises.buildingArea', 'staff.onPost', 'not-data', 'drugs.varieties']);
    expect(notes.map((n) => n.zh)).toEqual([
      '按列对照表（pingshun.yaml）读取：“卫生室名字”→机构名称、“房屋建筑面积（㎡）”→建筑面积、“人员情况/在岗”→在岗人员',
      '已忽略（不是数据）：“村医签字”（D列）',
    ]);
  });

  it('refuses what it cannot read, at the line and column', () => {
    const bad = ['房屋面积: premises.buildingAera', '名字: 3', '卫生室 名字: name', '卫生室名字: name'].join('\n');
    let error: ColumnMapError | undefined;
    try {
      loadColumnMap(bad, 'bad.yaml');
    } catch (e) {
      error = e as ColumnMapError;
    }
    expect(error).toBeInstanceOf(ColumnMapError);
    expect(error!.diagnostics.map((d) => d.toString())).toEqual([
      'bad.yaml:1:7: "premises.buildingAera" is not a record field; did you mean 建筑面积 (premises.buildingArea), 房屋建成年份 (premises.builtYear)? (the fields are listed by facility-standards schema)',
      'bad.yaml:2:5: the field for "名字" is a record path (premises.buildingArea) or a label (建筑面积), or null to ignore the column; not 3',
      'bad.yaml:4:1: "卫生室名字" is the same header as "卫生室 名字" (spaces and full-width characters aside)',
    ]);
    expect(() => loadColumnMap('- a\n- b\n', 'list.yaml')).toThrow('list.yaml:1:1: a column map is a mapping');
    expect(() => loadColumnMap('a: [b\n', 'broken.yaml')).toThrow(/broken\.yaml:\d+:\d+: YAML syntax/);
  });

  it('is written by template for its headers, and reads them back as their fields', () => {
    for (const standard of [...bundledStandards().values()].slice(0, 6)) {
      const columns = templateColumns(standard);
      const map = loadColumnMap(templateColumnMap(columns), 'template.yaml');
      expect([...map.entries.values()].map((e) => e.target?.path), standard.id).toEqual(columns.map((c) => c.path));
      expect(sheetColumns(columns.map((c) => c.header), { map }).map((c) => c.path.join('.'))).toEqual(columns.map((c) => c.path));
    }
  });
});
