import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_SCHEMA_VERSION, DocFields, readDocMeta, writeDocMeta } from '../documentShapes.ts';
import { ratingBand } from './ratingBands.ts';
import {
  createEntry,
  migrateRegister,
  readEntries,
  readEntry,
  registerEntries,
  replaceText,
  setEntryField,
  setMembership,
  upsertEntry,
} from './registerDoc.ts';
import { SPETS_CHECKLIST } from './spetsChecklist.ts';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('register document', () => {
  it('reads a created risk back as valid JSON, texts as strings and sets as lists', () => {
    const doc = new Y.Doc();
    const id = createEntry(doc, 'risks', {
      title: 'Nyckelperson slutar',
      category: 'governance',
      likelihood: 4,
      impact: 5,
      status: 'open',
      mitigation: 'Två kontaktpersoner per sida',
      goals: ['g1'],
    });
    const [reading] = readEntries(doc, 'risks');
    expect(reading).toMatchObject({
      ok: true,
      entry: { id, likelihood: 4, mitigation: 'Två kontaktpersoner per sida', goals: ['g1'] },
    });
    expect(registerEntries(doc, 'risks').get(id)).toBeInstanceOf(Y.Map);
  });

  it('names what is wrong with an entry written by a foreign client instead of throwing', () => {
    const doc = new Y.Doc();
    const entry = new Y.Map<unknown>();
    registerEntries(doc, 'risks').set('r1', entry);
    entry.set('title', 'Bad');
    entry.set('likelihood', 9);
    entry.set('mitigation', 42);
    entry.set('colour', 'red');
    const reading = readEntry('risks', 'r1', entry);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    const fields = reading.issues.map((issue) => issue.field).sort();
    expect(fields).toEqual(['category', 'colour', 'impact', 'likelihood', 'mitigation', 'status']);
  });

  it('keeps both sides of concurrent edits: different fields, same text, set members', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createEntry(a, 'goals', { title: 'Fler exjobb', status: 'on-track', description: '' });
    sync(a, b);
    setEntryField(a, 'goals', id, 'status', 'at-risk');
    setEntryField(b, 'goals', id, 'due', '2027-06-30');
    (registerEntries(a, 'goals').get(id) as Y.Map<unknown>).get('description') as Y.Text;
    ((registerEntries(a, 'goals').get(id) as Y.Map<unknown>).get('description') as Y.Text).insert(0, 'Alpha ');
    ((registerEntries(b, 'goals').get(id) as Y.Map<unknown>).get('description') as Y.Text).insert(0, 'Beta ');
    setMembership(a, 'goals', id, 'forms', 'research', true);
    setMembership(b, 'goals', id, 'forms', 'education', true);
    sync(a, b);
    const [reading] = readEntries(b, 'goals');
    expect(reading?.ok).toBe(true);
    if (!reading?.ok) return;
    expect(reading.entry).toMatchObject({ status: 'at-risk', due: '2027-06-30', forms: ['education', 'research'] });
    expect(reading.entry.description).toContain('Alpha');
    expect(reading.entry.description).toContain('Beta');
  });

  it('upserts edit texts in place and clear optional fields left empty', () => {
    const doc = new Y.Doc();
    const id = createEntry(doc, 'risks', {
      title: 'T',
      category: 'financial',
      likelihood: 1,
      impact: 1,
      status: 'open',
      owner: 'u1',
      controls: 'abc',
    });
    const before = (registerEntries(doc, 'risks').get(id) as Y.Map<unknown>).get('controls');
    upsertEntry(doc, 'risks', id, { controls: 'abcd', owner: undefined });
    const map = registerEntries(doc, 'risks').get(id) as Y.Map<unknown>;
    expect(map.get('controls')).toBe(before);
    expect(String(map.get('controls'))).toBe('abcd');
    expect(map.has('owner')).toBe(false);
  });

  it('migrates an empty v1 register once, prefilling the checklist in the partnership language', () => {
    const doc = new Y.Doc();
    writeDocMeta(doc, 'register');
    doc.getMap(DocFields.meta).set('schemaVersion', 1);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(migrateRegister(doc, 'sv')).toBe(true);
    expect(migrateRegister(other, 'sv')).toBe(true);
    sync(doc, other);
    expect(migrateRegister(doc, 'sv')).toBe(false);
    expect(readDocMeta(other)?.schemaVersion).toBe(DOC_SCHEMA_VERSION.register);
    const items = readEntries(other, 'checklist');
    expect(items).toHaveLength(SPETS_CHECKLIST.length);
    expect(items.every((item) => item.ok)).toBe(true);
    const questions = items.flatMap((item) => (item.ok ? [item.entry.question] : []));
    expect(questions).toContain(SPETS_CHECKLIST[0]?.question.sv);
  });

  it('bands scores by the given thresholds', () => {
    expect([4, 5, 9, 10, 15, 16].map((score) => ratingBand(score))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
    ]);
    expect(ratingBand(6, { low: 6, medium: 12, high: 20 })).toBe('low');
  });
});

describe('replaceText', () => {
  it('changes only what differs, using the caret to place an ambiguous insertion', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'ab');
    const positions: number[] = [];
    text.observe((event) => {
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        if (op.insert) positions.push(index);
      }
    });
    replaceText(text, 'aab', 1);
    expect(text.toString()).toBe('aab');
    expect(positions).toEqual([0]);
    replaceText(text, 'aabb', 4);
    expect(positions).toEqual([0, 3]);
    replaceText(text, 'xb');
    expect(text.toString()).toBe('xb');
  });
});
