import { EDITOR_REGISTER_TEXT_CHARS, entryText, type RegisterEntryKind, replaceText } from '@samverka/model';
import { useEffect, useRef } from 'react';
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
  const selection = useRef<{ start: Y.RelativePosition; end: Y.RelativePosition } | null>(null);
  const text = currentText(session, kind, entryId, field);

  // The textarea is uncontrolled: remote edits are written into it at once,
  // in the same task, so its content never lags the Y.Text a keystroke is applied to.
  useEffect(() => {
    const element = ref.current;
    if (!text || !element) return;
    element.value = text.toString();
    const onChange = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_TYPING) return;
      const saved = selection.current;
      const focused = document.activeElement === element;
      element.value = text.toString();
      if (!focused || !saved) return;
      const start = Y.createAbsolutePositionFromRelativePosition(saved.start, session.doc)?.index;
      const end = Y.createAbsolutePositionFromRelativePosition(saved.end, session.doc)?.index;
      if (start !== undefined && end !== undefined) element.setSelectionRange(start, end);
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text, session]);

  const remember = () => {
    const element = ref.current;
    const current = currentText(session, kind, entryId, field);
    if (!element || !current) return;
    // Bound to the character before the caret (assoc -1), so someone else typing
    // at the same spot lands after this person's caret, not under it.
    selection.current = {
      start: Y.createRelativePositionFromTypeIndex(current, element.selectionStart, -1),
      end: Y.createRelativePositionFromTypeIndex(current, element.selectionEnd, -1),
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
        readOnly={readOnly}
        maxLength={EDITOR_REGISTER_TEXT_CHARS}
        onInput={(event) => {
          // An entry from a foreign client may lack the text; it is made on the first keystroke.
          const target = text ?? entryText(session.doc, kind, entryId, field);
          const { value, selectionEnd } = event.currentTarget;
          if (target) session.doc.transact(() => replaceText(target, value, selectionEnd), LOCAL_TYPING);
          remember();
        }}
        onSelect={remember}
        onKeyUp={remember}
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
