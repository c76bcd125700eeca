import { EDITOR_REGISTER_TEXT_CHARS, entryText, type RegisterEntryKind, replaceText } from '@samverka/model';
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import type { DocumentSession } from '../sync/documentSession.ts';
import { announceEditing } from './fieldPresence.ts';

interface Props {
  session: DocumentSession;
  kind: RegisterEntryKind;
  entryId: string;
  field: string;
  label: string;
  readOnly: boolean;
  rows?: number;
}

/**
 * A textarea bound to an entry's Y.Text: each change is sent as the smallest
 * edit (so two people typing in one description both keep their words), and
 * remote edits keep this person's caret where it was in the text.
 */
export function CollaborativeText({ session, kind, entryId, field, label, readOnly, rows = 3 }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState('');
  const selection = useRef<{ start: Y.RelativePosition; end: Y.RelativePosition } | null>(null);
  const text = currentText(session, kind, entryId, field);

  useEffect(() => {
    if (!text) return;
    setValue(text.toString());
    const onChange = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.local && transaction.origin === LOCAL_TYPING) return;
      const element = ref.current;
      const saved = selection.current;
      setValue(text.toString());
      if (element && saved && document.activeElement === element) {
        // Restore the caret after React writes the new value.
        requestAnimationFrame(() => {
          const start = Y.createAbsolutePositionFromRelativePosition(saved.start, session.doc)?.index;
          const end = Y.createAbsolutePositionFromRelativePosition(saved.end, session.doc)?.index;
          if (start !== undefined && end !== undefined) element.setSelectionRange(start, end);
        });
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text, session]);

  const remember = () => {
    const element = ref.current;
    if (!element || !text) return;
    selection.current = {
      start: Y.createRelativePositionFromTypeIndex(text, element.selectionStart),
      end: Y.createRelativePositionFromTypeIndex(text, element.selectionEnd),
    };
  };

  const id = `${kind}-${entryId}-${field}`;
  return (
    <div className="field register-text">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        value={value}
        readOnly={readOnly}
        maxLength={EDITOR_REGISTER_TEXT_CHARS}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          // An entry from a foreign client may lack the text; it is made on the first keystroke.
          const target = text ?? entryText(session.doc, kind, entryId, field);
          if (target) session.doc.transact(() => replaceText(target, next), LOCAL_TYPING);
          remember();
        }}
        onSelect={remember}
        onFocus={() => announceEditing(session, { kind, id: entryId, field })}
        onBlur={() => announceEditing(session, null)}
      />
    </div>
  );
}

/** Origin of this browser's own typing, which the textarea already shows. */
const LOCAL_TYPING = Symbol('local-typing');

/** The text for a reader who may not create it. */
function currentText(
  session: DocumentSession,
  kind: RegisterEntryKind,
  entryId: string,
  field: string,
): Y.Text | undefined {
  const entry = session.doc.getMap(kind).get(entryId);
  const value = entry instanceof Y.Map ? entry.get(field) : undefined;
  return value instanceof Y.Text ? value : undefined;
}
