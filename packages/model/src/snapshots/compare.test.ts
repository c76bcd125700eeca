import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRecords } from '../canvasBoard.ts';
import { textContent } from '../documentShapes.ts';
import { deleteEntry, entryText, setEntryField, setIndicator } from '../register/registerDoc.ts';
import { compareDocuments } from './compare.ts';
import {
  addGoal,
  addRisk,
  addShapes,
  appendBlock,
  blockIndex,
  changeShape,
  geoShape,
  rewriteBlock,
  sideOf,
} from './compareFixture.ts';
import { textSections } from './compareText.ts';

/** A partnership's documents at the moment of snapshot S1. */
function partnershipAtS1() {
  const register = new Y.Doc();
  addGoal(register, 'g-status', 'Joint PhD programme');
  addGoal(register, 'g-indicator', 'Co-authored papers');
  setIndicator(register, 'g-indicator', 'i1', {
    id: 'i1',
    name: 'Papers',
    unit: '',
    baseline: 0,
    target: 10,
    current: 2,
  });
  addGoal(register, 'g-removed', 'Summer school');
  addGoal(register, 'g-same', 'Staff exchange');
  addRisk(register, 'r-moved', 'Funding ends', 2, 3);
  addRisk(register, 'r-text', 'Export control', 3, 3);
  addRisk(register, 'r-removed', 'Key person leaves', 4, 2);
  addRisk(register, 'r-same', 'Data sharing', 1, 1);
  const agreement = new Y.Doc();
  appendBlock(agreement, { text: 'Preamble' });
  appendBlock(agreement, { heading: 1, text: 'Aims' });
  appendBlock(agreement, { text: 'Exchange students.' });
  appendBlock(agreement, { heading: 1, text: 'Budget' });
  appendBlock(agreement, { text: 'Each side pays its own.' });
  appendBlock(agreement, { heading: 1, text: 'Governance' });
  appendBlock(agreement, { text: 'A steering group.' });
  const notes = new Y.Doc();
  appendBlock(notes, { heading: 2, text: 'Meeting 1' });
  appendBlock(notes, { text: 'Agreed to start.' });
  const canvas = new Y.Doc();
  addShapes(canvas, [
    geoShape('shape:moved', 'Vision'),
    geoShape('shape:gone', 'Old idea'),
    geoShape('shape:same', 'Values'),
  ]);
  const documents = [
    { id: 'reg', kind: 'register' as const, title: 'Register', doc: register },
    { id: 'agreement', kind: 'text' as const, title: 'Agreement', doc: agreement },
    { id: 'notes', kind: 'text' as const, title: 'Notes', doc: notes },
    { id: 'canvas', kind: 'canvas' as const, title: 'Canvas', doc: canvas },
  ];
  return { register, agreement, notes, canvas, documents };
}

describe('compareDocuments', () => {
  it('finds nothing between a state and itself', () => {
    const { documents } = partnershipAtS1();
    const side = sideOf(documents);
    expect(compareDocuments(side, side)).toEqual({
      goals: { added: [], removed: [], changed: [] },
      risks: { added: [], removed: [], changed: [], moved: [] },
      documents: [],
      canvas: { added: [], removed: [], changed: [] },
    });
  });

  it('lists exactly the goals, risks, sections and shapes changed after the snapshot', () => {
    const { register, agreement, canvas, documents } = partnershipAtS1();
    const s1 = sideOf(documents);

    setEntryField(register, 'goals', 'g-status', 'status', 'at-risk');
    setIndicator(register, 'g-indicator', 'i1', {
      id: 'i1',
      name: 'Papers',
      unit: '',
      baseline: 0,
      target: 10,
      current: 5,
    });
    deleteEntry(register, 'goals', 'g-removed');
    addGoal(register, 'g-added', 'Alumni network', 'not-started');
    setEntryField(register, 'risks', 'r-moved', 'likelihood', 4);
    entryText(register, 'risks', 'r-text', 'mitigation')?.insert(0, 'Screen every shipment.');
    deleteEntry(register, 'risks', 'r-removed');
    addRisk(register, 'r-added', 'Currency swings', 3, 2);

    rewriteBlock(agreement, 'Exchange students.', 'Exchange students and staff.');
    // Remove the Budget heading and its paragraph; add a Timeline section at the end.
    agreement.transact(() => textContent(agreement).delete(blockIndex(agreement, 'Budget'), 2));
    appendBlock(agreement, { heading: 1, text: 'Timeline' });
    appendBlock(agreement, { text: 'Five years.' });
    const plan = new Y.Doc();
    appendBlock(plan, { heading: 1, text: 'Year one' });
    appendBlock(plan, { text: 'Kick-off.' });

    changeShape(canvas, 'shape:moved', (shape) => ({ ...shape, x: 250 }));
    canvas.transact(() => boardRecords(canvas).delete('shape:gone'));
    addShapes(canvas, [geoShape('shape:new', 'New idea')]);

    const now = sideOf([...documents, { id: 'plan', kind: 'text', title: 'Annual plan', doc: plan }]);
    const comparison = compareDocuments(s1, now);

    expect(comparison.goals).toEqual({
      added: [{ id: 'g-added', title: 'Alumni network', status: 'not-started' }],
      removed: [{ id: 'g-removed', title: 'Summer school', status: 'on-track' }],
      changed: [
        {
          id: 'g-indicator',
          title: 'Co-authored papers',
          fields: [],
          indicators: [
            {
              id: 'i1',
              change: 'changed',
              before: { name: 'Papers', unit: '', baseline: 0, target: 10, current: 2 },
              after: { name: 'Papers', unit: '', baseline: 0, target: 10, current: 5 },
            },
          ],
        },
        {
          id: 'g-status',
          title: 'Joint PhD programme',
          fields: [{ field: 'status', before: 'on-track', after: 'at-risk' }],
          indicators: [],
        },
      ],
    });
    expect(comparison.risks).toEqual({
      added: [{ id: 'r-added', title: 'Currency swings', status: 'open', cell: { likelihood: 3, impact: 2 } }],
      removed: [{ id: 'r-removed', title: 'Key person leaves', status: 'open', cell: { likelihood: 4, impact: 2 } }],
      changed: [
        {
          id: 'r-text',
          title: 'Export control',
          fields: [{ field: 'mitigation', before: '', after: 'Screen every shipment.' }],
        },
      ],
      moved: [
        {
          id: 'r-moved',
          title: 'Funding ends',
          before: { likelihood: 2, impact: 3 },
          after: { likelihood: 4, impact: 3 },
        },
      ],
    });
    expect(comparison.documents).toEqual([
      {
        id: 'agreement',
        title: 'Agreement',
        change: 'changed',
        changedSections: [
          { heading: 'Aims', level: 1, before: 'Exchange students.', after: 'Exchange students and staff.' },
          { heading: 'Timeline', level: 1, before: null, after: 'Five years.' },
          { heading: 'Budget', level: 1, before: 'Each side pays its own.', after: null },
        ],
      },
      {
        id: 'plan',
        title: 'Annual plan',
        change: 'added',
        changedSections: [{ heading: 'Year one', level: 1, before: null, after: 'Kick-off.' }],
      },
    ]);
    const onCanvas = { documentId: 'canvas', documentTitle: 'Canvas', type: 'geo' };
    expect(comparison.canvas).toEqual({
      added: [{ id: 'shape:new', title: 'New idea', ...onCanvas }],
      removed: [{ id: 'shape:gone', title: 'Old idea', ...onCanvas }],
      changed: [{ id: 'shape:moved', title: 'Vision', ...onCanvas, fields: ['x'] }],
    });
  });

  it('lists a removed text document with every section it had, and its shapes when a canvas goes', () => {
    const { documents } = partnershipAtS1();
    const s1 = sideOf(documents);
    const now = sideOf(documents.filter((d) => d.id !== 'notes' && d.id !== 'canvas'));
    const comparison = compareDocuments(s1, now);
    expect(comparison.documents).toEqual([
      {
        id: 'notes',
        title: 'Notes',
        change: 'removed',
        changedSections: [{ heading: 'Meeting 1', level: 2, before: 'Agreed to start.', after: null }],
      },
    ]);
    expect(comparison.canvas.removed.map((item) => item.id).sort()).toEqual([
      'shape:gone',
      'shape:moved',
      'shape:same',
    ]);
  });
});

describe('textSections', () => {
  it('splits at every heading, keeps the opening text apart, and pairs repeated headings by order', () => {
    const doc = new Y.Doc();
    appendBlock(doc, { text: 'Opening' });
    appendBlock(doc, { heading: 2, text: 'Notes' });
    appendBlock(doc, { text: 'First' });
    appendBlock(doc, { text: 'Second' });
    appendBlock(doc, { heading: 3, text: 'Notes' });
    expect(textSections(textContent(doc))).toEqual([
      { heading: '', level: null, text: 'Opening' },
      { heading: 'Notes', level: 2, text: 'First\nSecond' },
      { heading: 'Notes', level: 3, text: '' },
    ]);
  });

  it('reads list items as lines and mentions by their label', () => {
    const doc = new Y.Doc();
    // Each element joins the document before it is filled, as y-prosemirror builds them.
    doc.transact(() => {
      const list = new Y.XmlElement('bulletList');
      const paragraph = new Y.XmlElement('paragraph');
      textContent(doc).push([list, paragraph]);
      for (const text of ['one', 'two']) {
        const item = new Y.XmlElement('listItem');
        list.push([item]);
        const inner = new Y.XmlElement('paragraph');
        item.push([inner]);
        inner.push([new Y.XmlText(text)]);
      }
      const mention = new Y.XmlElement('mention');
      paragraph.push([new Y.XmlText('ask '), mention]);
      mention.setAttribute('id', 'u1');
      mention.setAttribute('label', 'Ada');
    });
    expect(textSections(textContent(doc))[0]?.text).toBe('one\ntwo\nask @Ada');
  });
});
