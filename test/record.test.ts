import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { FacilityRecordSchema, facts, parseRecord, parseRecordsText, RecordError, vocabulary, type Diagnostic } from '../src/index.js';
import { readFacts } from '../src/record/facts.js';

function issuesOf(input: unknown): readonly Diagnostic[] {
  try {
    parseRecord(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordError);
    return (error as RecordError).diagnostics;
  }
  throw new Error('the record was accepted');
}

describe('the record contract', () => {
  it('accepts an empty record: every field is optional', () => {
    expect(parseRecord({})).toEqual({});
  });

  it.each([
    [{ premises: { buildingArae: 80 } }, 'premises.buildingArae', /unknown field "buildingArae"/],
    [{ premises: { buildingArea: -5 } }, 'premises.buildingArea', /^must not be negative, got -5$/],
    [{ premises: { buildingArea: '80㎡' } }, 'premises.buildingArea', /expected a number, got "80㎡"/],
    [{ premises: { buildingArea: Number.NaN } }, 'premises.buildingArea', /expected a number, got NaN/],
    [{ premises: { buildingArea: Number.POSITIVE_INFINITY } }, 'premises.buildingArea', /expected a number, got Infinity/],
    [{ drugs: { varieties: 49.5 } }, 'drugs.varieties', /expected a whole number, got 49.5/],
    [{ rooms: ['diagnosis-room', 'pharmcy'] }, 'rooms[1]', /unknown room code "pharmcy"/],
    [{ rooms: ['pharmacy', 'pharmacy'] }, 'rooms', /each room is listed once/],
    [{ equipment: { stethoscop: 1 } }, 'equipment.stethoscop', /unknown equipment code "stethoscop"/],
    [{ type: 'hospital' }, 'type', /expected one of "village-clinic"\|"township-health-center"/],
    [{ staff: { onPost: 3, healthTechnicians: 5 } }, 'staff.healthTechnicians', /staff\.healthTechnicians \(5\) is more than staff\.onPost \(3\)/],
  ])('rejects %j naming %s', (input, path, message) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toMatch(message);
  });

  it('reports the line and column of a bad field in a YAML record', () => {
    const text = ['id: x', 'premises:', '  ownership: collective', '  buildingArea: 八十', ''].join('\n');
    try {
      parseRecordsText(text, 'clinics/x.yaml');
      expect.unreachable();
    } catch (error) {
      const [issue] = (error as RecordError).diagnostics;
      expect(issue!.toString()).toBe(
        'clinics/x.yaml:4:17: expected a number, got "八十" (at premises.buildingArea)',
      );
    }
  });

  it('reads a list of records from one file, each checked', () => {
    const text = '- { id: a, servicePopulation: 800 }\n- { id: b, servicePopulation: 1200 }\n';
    expect(parseRecordsText(text, 'two.yaml').map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('does not let __proto__ keys through or touch Object.prototype', () => {
    const text = '__proto__: { polluted: true }\nid: x\n';
    expect(() => parseRecordsText(text, 'p.yaml')).toThrow(/unknown field "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = JSON.parse('{"equipment": {"__proto__": {"polluted": 1}, "stethoscope": 1}}');
    expect(() => parseRecord(nested)).toThrow(/unknown equipment code "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the fact catalogue', () => {
  it('gives every fact a type and zh/en label, and codes facts a vocabulary', () => {
    for (const fact of facts.values()) {
      expect(fact.label.zh).not.toBe('');
      expect(fact.label.en).not.toBe('');
      if (fact.type === 'code' || fact.type === 'codes') expect(fact.vocabulary).toBeDefined();
    }
  });

  it('derives health-technician share, working equipment and its catalogue kinds, and the standard name', () => {
    const values = readFacts(
      parseRecord({
        region: { township: '青羊镇', village: '南坡村' },
        staff: { onPost: 20, healthTechnicians: 17 },
        equipment: { stethoscope: 2, thermometer: 0, 'ct-scanner': 1, sphygmomanometer: 1 },
      }),
    );
    expect(values.get('healthTechRatio')).toBe(0.85);
    expect(values.get('equipment')).toEqual(['stethoscope', 'ct-scanner', 'sphygmomanometer']);
    // The CT scanner is not in the village-clinic catalogue; the thermometer has no working unit.
    expect(values.get('villageEquipmentKinds')).toBe(2);
    expect(values.get('standardVillageClinicName')).toBe('青羊镇南坡村卫生室');
  });

  it('leaves a derived fact out when an input is absent, rather than guessing', () => {
    const values = readFacts(parseRecord({ staff: { healthTechnicians: 17 }, region: { township: '青羊镇' } }));
    expect(values.has('healthTechRatio')).toBe(false);
    expect(values.has('standardVillageClinicName')).toBe(false);
    expect(values.has('equipment')).toBe(false);
  });

  it('has a village-clinic catalogue of more than 22 kinds with zh and en labels', () => {
    const catalogue = vocabulary.catalog('village-clinic-basic');
    expect(catalogue.length).toBeGreaterThan(22);
    for (const code of catalogue) expect(vocabulary.label('equipment', code).zh).not.toBe(code);
  });

  it('says where each catalogue item comes from, naming only known lists', () => {
    const sources = Object.keys(vocabulary.listSources);
    for (const code of vocabulary.catalog('village-clinic-basic')) {
      const from = (vocabulary.equipment as Record<string, vocabulary.Term>)[code]!.from;
      expect(from, code).toBeDefined();
      expect(from!.length, code).toBeGreaterThan(0);
      for (const list of from!) expect(sources, `${code}: ${list}`).toContain(list);
    }
    // The 1994 national list, as translated, has no sphygmomanometer; the community-station list has.
    expect(vocabulary.equipment.sphygmomanometer.from).toEqual(['community-station']);
    // An item no source document names is said to be the project's own proposal.
    expect(vocabulary.equipment['uv-lamp'].from).toEqual(['domain-note']);
  });

  it('counts the village equipment from the assessor first, from the recorded items otherwise, and says which', () => {
    const fact = facts.get('villageEquipmentKinds')!;
    const recorded = parseRecord({ equipment: { stethoscope: 1, 'remote-ecg-machine': 1, 'ct-scanner': 1, thermometer: 0 } });
    expect(fact.read(recorded)).toBe(2);
    expect(fact.basis!(recorded)).toEqual({ from: 'recorded-equipment', items: ['stethoscope', 'ecg-machine'] });
    const counted = parseRecord({ ...recorded, equipmentKinds: { villageBasic: 19 } });
    expect(fact.read(counted)).toBe(19);
    expect(fact.basis!(counted)).toEqual({ from: 'assessor-count' });
    expect(fact.read(parseRecord({}))).toBeUndefined();
  });
});

describe('the record schema and the fact catalogue agree', () => {
  /** Dotted paths of every leaf field of the record schema. */
  function leaves(schema: z.ZodType, prefix = ''): string[] {
    const def = (schema as z.ZodObject).def as { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
    if (def.type === 'optional' || def.type === 'default') return leaves(def.innerType!, prefix);
    if (def.type === 'object') {
      return Object.entries(def.shape!).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
    }
    return [prefix];
  }

  // Fields that identify the record or locate it, rather than describe what it has.
  const descriptive = (path: string) => !['id', 'region.province', 'region.city', 'region.county'].includes(path);

  it('every descriptive field is a fact a rule may name', () => {
    const paths = leaves(FacilityRecordSchema).filter(descriptive);
    expect(paths.length).toBeGreaterThan(60);
    expect(paths.filter((path) => !facts.has(path))).toEqual([]);
  });

  it('every field fact reads a field of the schema', () => {
    const paths = new Set(leaves(FacilityRecordSchema));
    const fieldFacts = [...facts.values()].filter((f) => !f.derived).map((f) => f.name);
    expect(fieldFacts.filter((name) => !paths.has(name))).toEqual([]);
  });
});

describe('equipment variants', () => {
  it('an ECG machine with remote diagnosis counts as the ECG kind, once', () => {
    const kinds = (equipment: Record<string, number>) =>
      readFacts(parseRecord({ equipment })).get('villageEquipmentKinds');
    expect(kinds({ stethoscope: 1, 'remote-ecg-machine': 1 })).toBe(2);
    expect(kinds({ stethoscope: 1, 'ecg-machine': 1, 'remote-ecg-machine': 1 })).toBe(2);
  });
});
