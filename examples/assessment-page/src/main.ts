// An assessment page: pick a standard, fill the facility form, and watch the checklist and the
// gap list follow every keystroke. The form is generated from the standard's facts; the checks
// run synchronously in the page (evaluateSync), with no server.
import {
  bundledStandards,
  evaluateSync,
  outcomeWords,
  RecordError,
  type Lang,
  type Outcome,
  type Report,
  type Standard,
} from 'facility-standards';
import { fieldsFor, recordOf, type Field, type FieldValue } from './fields.js';
import './style.css';

const words = {
  title: { zh: '基层医疗卫生机构标准化评估', en: 'Primary-care facility assessment' },
  standard: { zh: '标准', en: 'Standard' },
  facility: { zh: '机构情况', en: 'The facility' },
  checklist: { zh: '逐项结果', en: 'Checklist' },
  gaps: { zh: '差距清单', en: 'Gaps' },
  noGaps: { zh: '无差距', en: 'No gaps' },
  notFilled: { zh: '未填写', en: 'not filled' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  none: { zh: '均无', en: 'none' },
  advisory: { zh: '建议', en: 'advisory' },
  outcome: { zh: '结论：', en: 'Outcome: ' },
  invalid: { zh: '填写有误：', en: 'Please correct: ' },
  switchTo: { zh: 'English', en: '中文' },
} as const;

const marks: Record<Outcome, string> = { met: '✓', gap: '✗', unknown: '?', 'not-applicable': '–', waived: '~' };

const standards = bundledStandards();
const state = {
  lang: 'zh' as Lang,
  standard: standards.get('changzhi/village-clinic') ?? [...standards.values()][0]!,
  /** Field values by record path; kept when the standard changes, so shared fields stay filled. */
  values: new Map<string, FieldValue>(),
  report: undefined as Report | undefined,
};

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

// ------------------------------------------------------------------ the form

function renderForm(): void {
  const { lang, standard } = state;
  const form = $<HTMLFormElement>('#facility-form');
  form.replaceChildren(...fieldsFor(standard).map((field) => renderField(field, lang)));
}

function renderField(field: Field, lang: Lang): HTMLElement {
  const { fact, path } = field;
  const unit = fact.unit ? ` (${fact.unit[lang]})` : field.kind === 'ratio' ? ' (%)' : '';
  const label = `${fact.label[lang]}${unit}`;
  const hint = element('code', { className: 'path' }, path);
  const value = state.values.get(path);
  const name = `f-${path}`;

  if (field.kind === 'number' || field.kind === 'count' || field.kind === 'ratio' || field.kind === 'text') {
    const input = element('input', {
      id: name,
      name,
      type: field.kind === 'text' ? 'text' : 'number',
      autocomplete: 'off',
      dataset: { path },
    });
    if (field.kind !== 'text') {
      input.min = '0';
      input.step = field.kind === 'count' ? '1' : 'any';
      if (field.kind === 'ratio') input.max = '100';
    }
    if (value !== undefined) input.value = String(field.kind === 'ratio' ? (value as number) * 100 : value);
    return element('div', { className: 'field', dataset: { field: path } }, element('label', { htmlFor: name }, label, ' ', hint), input);
  }

  if (field.kind === 'boolean') {
    const choices: [string, string][] = [['', words.notFilled[lang]], ['true', words.yes[lang]], ['false', words.no[lang]]];
    const current = value === undefined ? '' : String(value);
    return element(
      'fieldset',
      { className: 'field tri-state', dataset: { field: path } },
      element('legend', {}, label, ' ', hint),
      ...choices.map(([v, text]) =>
        element('label', {}, element('input', { type: 'radio', name, value: v, checked: v === current, dataset: { path } }), text),
      ),
    );
  }

  if (field.kind === 'code') {
    const select = element('select', { id: name, name, dataset: { path } }, element('option', { value: '' }, `— ${words.notFilled[lang]} —`));
    for (const [code, term] of field.options ?? []) select.append(element('option', { value: code, selected: code === value }, term[lang]));
    return element('div', { className: 'field', dataset: { field: path } }, element('label', { htmlFor: name }, label, ' ', hint), select);
  }

  // codes and equipment: a checkbox per code, and "none" so that an empty set is not "not filled"
  const chosen = new Set(Array.isArray(value) ? value : []);
  return element(
    'fieldset',
    { className: `field codes${field.kind === 'equipment' ? ' equipment' : ''}`, dataset: { field: path } },
    element('legend', {}, label, ' ', hint),
    ...(field.options ?? []).map(([code, term]) =>
      element('label', { title: code }, element('input', { type: 'checkbox', name, value: code, checked: chosen.has(code), dataset: { path } }), term[lang]),
    ),
    element('label', { className: 'none' }, element('input', { type: 'checkbox', name, value: '', checked: Array.isArray(value) && value.length === 0, dataset: { path } }), words.none[lang]),
  );
}

/** Reads one field's value back from the form. */
function readField(field: Field): FieldValue {
  const form = $<HTMLFormElement>('#facility-form');
  const controls = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="f-${field.path}"]`)];
  switch (field.kind) {
    case 'number':
    case 'count':
    case 'ratio': {
      const input = controls[0] as HTMLInputElement;
      if (input.value.trim() === '' || Number.isNaN(input.valueAsNumber)) return undefined;
      return field.kind === 'ratio' ? input.valueAsNumber / 100 : input.valueAsNumber;
    }
    case 'text':
      return controls[0]!.value === '' ? undefined : controls[0]!.value;
    case 'boolean': {
      const checked = (controls as HTMLInputElement[]).find((c) => c.checked)?.value ?? '';
      return checked === '' ? undefined : checked === 'true';
    }
    case 'code':
      return controls[0]!.value === '' ? undefined : controls[0]!.value;
    default: {
      const boxes = controls as HTMLInputElement[];
      const codes = boxes.filter((c) => c.checked && c.value !== '').map((c) => c.value);
      const none = boxes.find((c) => c.value === '')?.checked ?? false;
      return codes.length > 0 ? codes : none ? [] : undefined;
    }
  }
}

function onInput(event: Event): void {
  const target = event.target as HTMLInputElement;
  const path = target.dataset.path;
  if (!path) return;
  const field = fieldsFor(state.standard).find((f) => f.path === path);
  if (!field) return;
  // "none" and the codes exclude each other.
  if ((field.kind === 'codes' || field.kind === 'equipment') && target.type === 'checkbox' && target.checked) {
    for (const box of document.querySelectorAll<HTMLInputElement>(`[name="f-${path}"]`)) {
      if ((target.value === '') !== (box.value === '')) box.checked = false;
    }
  }
  state.values.set(path, readField(field));
  evaluateForm();
}

// ------------------------------------------------------------------ the results

function evaluateForm(): void {
  const errors = $('#errors');
  try {
    state.report = evaluateSync(recordOf(state.standard, state.values), state.standard);
    errors.hidden = true;
    errors.replaceChildren();
    $('#results').classList.remove('stale');
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    errors.hidden = false;
    errors.replaceChildren(words.invalid[state.lang], ...error.diagnostics.map((d) => element('div', {}, d.toString())));
    $('#results').classList.add('stale');
  }
  renderResults();
}

function renderResults(): void {
  const { report, lang } = state;
  if (!report) return;
  const outcome = $('#outcome');
  outcome.dataset.outcome = report.outcome;
  const { counts } = report;
  const tally =
    lang === 'zh'
      ? `达标 ${counts.met} · 差距 ${counts.gap} · 未知 ${counts.unknown} · 不适用 ${counts['not-applicable']}`
      : `met ${counts.met} · gap ${counts.gap} · unknown ${counts.unknown} · not applicable ${counts['not-applicable']}`;
  outcome.replaceChildren(element('strong', {}, `${words.outcome[lang]}${outcomeWords[report.outcome][lang]}`), element('span', { className: 'tally' }, tally));

  $('#checklist').replaceChildren(
    ...report.requirements.map((r) =>
      element(
        'li',
        { dataset: { requirement: r.requirement, outcome: r.outcome } },
        element('span', { className: 'mark', title: outcomeWords[r.outcome][lang] }, marks[r.outcome]),
        element('span', { className: 'title' }, r.title[lang]),
        ...(r.severity === 'advisory' ? [element('span', { className: 'advisory' }, words.advisory[lang])] : []),
        element('span', { className: 'clause' }, r.clause),
        ...(r.outcome === 'gap' || r.outcome === 'unknown' ? [element('div', { className: 'message' }, r.message[lang])] : []),
      ),
    ),
  );

  const gaps = report.requirements.filter((r) => r.outcome === 'gap');
  $('#gaps').replaceChildren(
    ...(gaps.length === 0
      ? [element('li', { className: 'empty' }, words.noGaps[lang])]
      : gaps.map((r) =>
          element(
            'li',
            { dataset: { requirement: r.requirement } },
            element('span', { className: 'title' }, r.title[lang]),
            element('span', { className: 'message' }, r.message[lang]),
          ),
        )),
  );
}

// ------------------------------------------------------------------ the page

function renderPage(): void {
  const { lang } = state;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = words.title[lang];
  $('#page-title').textContent = words.title[lang];
  $('#standard-label').textContent = words.standard[lang];
  $('#facility-heading').textContent = words.facility[lang];
  $('#checklist-heading').textContent = words.checklist[lang];
  $('#gaps-heading').textContent = words.gaps[lang];
  $('#lang').textContent = words.switchTo[lang];
  const picker = $<HTMLSelectElement>('#standard');
  picker.replaceChildren(
    ...[...standards.values()].map((s: Standard) => element('option', { value: s.id, selected: s.id === state.standard.id }, `${s.title[lang]} (${s.id})`)),
  );
  const source = state.standard.source;
  $('#source').textContent = `${source.issuer} ${source.date}：${source.title}`;
  renderForm();
  evaluateForm();
}

$<HTMLSelectElement>('#standard').addEventListener('change', (event) => {
  state.standard = standards.get((event.target as HTMLSelectElement).value)!;
  renderPage();
});
$('#lang').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  renderPage();
});
$('#facility-form').addEventListener('input', onInput);
$('#facility-form').addEventListener('submit', (event) => event.preventDefault());

renderPage();
document.body.dataset.ready = 'true';
