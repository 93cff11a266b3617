#!/usr/bin/env node
// Writes the corpus of county-shaped sheets in fixtures/sheets/ (or the directory given): the
// shapes county health bureaus send — title rows, a line saying who filled the sheet in, two-row
// merged headers, 序号 and 备注 columns, synonyms for the headers and the codes, numbers with
// their unit, a 合计 row and a signature line, a cover sheet, and a CSV in which Excel turned the
// 12-digit ids into 1.40425E+11. test/sheet-corpus.test.ts runs this script again and compares
// its output with the committed files; what each sheet holds is worked out there by hand.
//
//   node scripts/make-sheet-fixtures.mjs [directory]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const out = process.argv[2] ?? 'fixtures/sheets';
mkdirSync(out, { recursive: true });

/** A fixed date, so the workbook's properties do not change from run to run. */
const when = new Date(Date.UTC(2026, 2, 10));

const csvCell = (cell) => {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows, eol = '\r\n') => rows.map((row) => row.map(csvCell).join(',')).join(eol) + eol;

// 1. pingshun-2026.xlsx ---------------------------------------------------------------------
// Three worksheets: 填表说明 (instructions, no header), 村卫生室 (the data), 汇总 (totals by
// township). The data sheet: a merged title (row 1), who filled it in and when (row 2), a
// two-row header (rows 3–4: 人员情况 merged over 在岗人员 and 卫生技术人员, the other headers
// merged down both rows), twelve clinics (rows 5–16, each township merged down its clinics), a
// 合计 row (17), an empty row (18) and the signature line (19, merged across).
async function pingshun() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '平顺县卫生健康局';
  workbook.created = when;
  workbook.modified = when;

  const notes = workbook.addWorksheet('填表说明');
  notes.addRow(['填表说明']);
  notes.addRow(['1. 每个村卫生室填一行；房屋面积填建筑面积，单位平方米。']);
  notes.addRow(['2. 人员情况按2026年3月1日在岗人数填写。']);

  const sheet = workbook.addWorksheet('村卫生室');
  const width = 18;
  const last = 'R';
  sheet.addRow(['平顺县2026年村卫生室标准化建设情况统计表']);
  sheet.mergeCells(`A1:${last}1`);
  const second = new Array(width).fill(null);
  second[0] = '填报单位（盖章）：平顺县卫生健康局';
  second[12] = '填报日期：2026年3月10日';
  sheet.addRow(second);
  sheet.mergeCells('A2:F2');
  sheet.mergeCells(`M2:${last}2`);
  const top = ['序号', '乡（镇）', '村', '村卫生室名称', '机构编码', '服务人口数', '房屋产权', '房屋面积（㎡）', '功能用房（多项用、分隔）', '规范化隔断', '人员情况', null, '药品品种数', '中医适宜技术种类', '信息系统', '村医姓名', '联系电话', '备注'];
  const bottom = new Array(width).fill(null);
  bottom[10] = '在岗人员';
  bottom[11] = '卫生技术人员';
  sheet.addRow(top);
  sheet.addRow(bottom);
  for (let c = 1; c <= width; c++) {
    const letter = String.fromCharCode(64 + c);
    if (c === 11) sheet.mergeCells('K3:L3');
    else if (c !== 12) sheet.mergeCells(`${letter}3:${letter}4`);
  }
  const clinics = [
    // 序号, 乡（镇）, 村, 名称, 编码, 服务人口, 产权, 面积, 功能用房, 隔断, 在岗, 卫技, 药品, 中医技术, 信息系统, 村医, 电话, 备注
    [1, '西沟乡', '东庄村', '西沟乡东庄村卫生室', '140425100201', '1,200', '集体', '86㎡', '诊室、治疗室、药房、公卫室', '✓', 2, 2, '64种', 6, '公卫系统、医保系统', '王建国', '13903551234', null],
    [2, null, '西沟村', '西沟乡西沟村卫生室', 140425100202, 2350, '村集体所有', 96.5, '诊断室、治疗室、药房、公共卫生室', '是', 3, 2, 62, 8, '国家基本公共卫生服务信息系统/医保支付系统', '李红梅', '13903552345', null],
    [3, null, '池底村', '西沟乡池底村卫生室', '140425100203', '980人', '集体产权', '80 平方米', '诊室 治疗室 药房 公卫室', '对', 1, 1, 50, 6, '公卫系统', '张文', '13903553456', '2025年新建'],
    [4, null, '石埠头村', '西沟乡石埠头村卫生室', '140425100204', 760, '租赁', 64, '诊室、治疗室、药房', '✗', 1, 1, 45, 4, '公卫系统', '赵平', '13903554567', '租用村民房屋'],
    [5, '石城镇', '岳家寨村', '石城镇岳家寨村卫生室', '140425101201', 640, '租用', '72', '诊室、治疗室', '否', 1, 1, 45, 4, '公卫系统', '刘芳', '13903555678', null],
    [6, null, '豆口村', '石城镇豆口村卫生室', '140425101202', 1100, '集体', '约80', '诊所、公卫室、化验室', '是', 2, 1, 52, 5, '公卫系统', '陈刚', '13903556789', '面积待核实'],
    [7, null, '恼河村', '石城镇恼河村卫生室', '140425101203', '1,560', '政府', 120, '诊断室、治疗室、药房、公卫室、观察室', '√', 4, 3, 80, 10, '公卫系统、医保系统', '孙丽', '13903557890', null],
    [8, null, '牛岭村', '石城镇牛岭村卫生室', '140425101204', 820, '集体', null, '诊室、治疗室、药房、公卫室', null, 2, 1, 55, 6, '公卫系统', '周强', '13903558901', '面积未测量'],
    [9, '北耽车乡', '实会村', '北耽车乡实会村卫生室', '140425102201', 1320, '集体所有', '82m²', '诊室、治疗室、药房、公卫室', '具备', 2, 2, '60 种', 7, '公卫系统、医保系统', '吴敏', '13903559012', null],
    [10, null, '王家庄村', '北耽车乡王家庄村卫生室', '140425102202', 540, '私人', 70, '诊室、药房', '没有', 1, 0, 38, 2, '公卫系统', '郑伟', '13903550123', '村医自有房屋'],
    [11, null, '北耽车村', '北耽车乡北耽车村卫生室', '140425102203', '2,010', '集体', 90, '诊室、治疗室、药房、公卫室', 'Y', 3, 3, 66, 8, '公卫系统、医保系统', '冯涛', '13903551122', null],
    [12, null, '东寺头村', '北耽车乡东寺头村卫生室', '140425102204', 1450, '集体', 85, '诊室、治疗室、药房、公卫室', '有', 2, 2, 58, 6, '公卫系统；医保系统', '何静', '13903552233', null],
  ];
  for (const clinic of clinics) sheet.addRow(clinic);
  sheet.mergeCells('B5:B8');
  sheet.mergeCells('B9:B12');
  sheet.mergeCells('B13:B16');
  const total = new Array(width).fill(null);
  total[0] = '合计';
  total[5] = 14730;
  total[10] = 24;
  total[11] = 19;
  sheet.addRow(total);
  sheet.mergeCells('A17:E17');
  sheet.addRow([]);
  const signature = new Array(width).fill(null);
  signature[0] = '填表人：王丽    审核人：李建国';
  sheet.addRow(signature);
  sheet.mergeCells(`A19:${last}19`);

  const summary = workbook.addWorksheet('汇总');
  summary.addRow(['乡（镇）', '村卫生室数', '在岗人员']);
  summary.addRow(['西沟乡', 4, 7]);
  summary.addRow(['石城镇', 4, 9]);
  summary.addRow(['北耽车乡', 4, 8]);

  writeFileSync(join(out, 'pingshun-2026.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
}

// 2. yanggu-libreoffice.csv -----------------------------------------------------------------
// A sheet with a merged title and a two-row header, exported by LibreOffice as CSV (UTF-8, LF,
// a merged cell's text in its first cell only): title (row 1), empty (row 2), header (rows 3–4),
// eight clinics (rows 5–12).
function yanggu() {
  const rows = [
    ['阳谷县2026年村卫生室基本情况表', '', '', '', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', '', '', '', ''],
    ['序号', '乡镇', '行政村', '机构名称', '建筑面积（平方米）', '人员情况', '', '', '药品品种（种）', '中医药服务', '备注'],
    ['', '', '', '', '', '在岗人员', '卫生技术人员', '乡村医生', '', '', ''],
    [1, '阿城镇', '前进村', '阿城镇前进村卫生室', 96.5, 3, 3, 2, 66, '是', ''],
    [2, '阿城镇', '后李村', '阿城镇后李村卫生室', 80, 2, 2, 2, 55, '是', ''],
    [3, '阿城镇', '张营村', '阿城镇张营村卫生室', 72, 1, 1, 1, 40, '否', '正在改建'],
    [4, '七级镇', '七级村', '七级镇七级村卫生室', 120, 4, 3, 2, 72, '是', ''],
    [5, '七级镇', '苏庄村', '七级镇苏庄村卫生室', 65, 1, 1, 1, 45, '否', ''],
    [6, '七级镇', '王营村', '"王营村"卫生室（七级镇）', 88, 2, 2, 1, 60, '是', '名称待规范'],
    [7, '安乐镇', '林场村', '安乐镇林场村卫生室', 100, 3, 2, 2, 58, '是', ''],
    [8, '安乐镇', '宋街村', '安乐镇宋街村卫生室', 75, 2, 1, 1, 50, '', ''],
  ];
  writeFileSync(join(out, 'yanggu-libreoffice.csv'), csv(rows, '\n'));
}

// 3. wenshui-synonyms.csv -------------------------------------------------------------------
// A one-row header as a county typed it (Excel "CSV UTF-8", with a BOM): a header wrapped with
// Alt+Enter (机构\n名称), near-miss names (乡（镇）, 村, 房屋面积, 药品品种数, 中医适宜技术种类), a
// unit the area column does not take (占地面积（亩）), a column the tool does not know (房屋结构),
// 序号 and 备注; cells with units, thousands separators, ✓/✗/对/错/没有 and lists split on / ; and
// spaces. Six clinics (rows 2–7); row 6 holds the mistakes.
function wenshui() {
  const rows = [
    ['序号', '机构\n名称', '乡（镇）', '村', '服务人口', '房屋产权', '房屋面积', '占地面积（亩）', '房屋结构', '功能用房', '供水', '供电', '药品品种数', '中医适宜技术种类', '公示内容', '备注'],
    [1, '凤城镇东关村卫生室', '凤城镇', '东关村', '1,850', '集体', '82 平方米', 0.3, '砖混', '诊室/治疗室/药房/公卫室', '✓', '✓', '56种', '6', '执业许可证、执业资格证、药品价格', ''],
    [2, '凤城镇西街村卫生室', '凤城镇', '西街村', '2,400人', '村集体所有', '95㎡', 0.4, '框架', '诊室；治疗室；药房；公卫室；观察室', '对', '对', '70', '8个', '执业许可证 执业资格证 药品价格', ''],
    [3, '开栅镇开栅村卫生室', '开栅镇', '开栅村', '960', '租赁', '60', 0.2, '砖木', '诊室 药房', '错', '✓', '40 种', '3', '执业许可证', '拟新建'],
    [4, '开栅镇李家庄村卫生室', '开栅镇', '李家庄村', '1,120', '政府', '1,000', 1.2, '框架', '诊室、治疗室、药房、公卫室', '✓', '✓', '62', '7', '执业许可证、执业资格证、药品价格', '与幸福院合建'],
    [5, '孝义镇孝义村卫生室', '孝义镇', '孝义村', '八百', '集体产', '80-90', 0.3, '砖混', '诊所/公卫', '没有', '有了', '约50', '5', '许可证、价目表', ''],
    [6, '孝义镇南庄村卫生室', '孝义镇', '南庄村', '1,300', '私人', '85', 0.3, '砖混', '诊室、治疗室、药房、公卫室', '✗', '✓', '52', '6', '执业许可证、执业资格证、药品目录', ''],
  ];
  writeFileSync(join(out, 'wenshui-synonyms.csv'), `\uFEFF${csv(rows)}`);
}

// 4. excel-ids.csv --------------------------------------------------------------------------
// A sheet with 12-digit 机构编码 opened in Excel and saved as CSV: every code became 1.40425E+11
// (the 18-digit 统一社会信用代码 of the last clinic as well). Four clinics (rows 2–5).
function excelIds() {
  const rows = [
    ['机构编码', '机构名称', '乡镇', '建筑面积（平方米）', '药品品种（种）'],
    ['1.40425E+11', '西沟乡东庄村卫生室', '西沟乡', 86, 64],
    ['1.40425E+11', '西沟乡西沟村卫生室', '西沟乡', 96.5, 62],
    ['1.40425E+11', '石城镇岳家寨村卫生室', '石城镇', 72, 45],
    ['1.2141E+17', '北耽车乡实会村卫生室', '北耽车乡', 82, 60],
  ];
  writeFileSync(join(out, 'excel-ids.csv'), csv(rows));
}

await pingshun();
yanggu();
wenshui();
excelIds();
