import { type Member, type RegisterEntryKind, type Side, setEntryField } from '@samverka/model';
import { useEffect, useState } from 'react';
import type { DocumentSession } from '../sync/documentSession.ts';
import { announceEditing } from './fieldPresence.ts';

interface FieldProps {
  session: DocumentSession;
  kind: RegisterEntryKind;
  entryId: string;
  field: string;
  label: string;
  readOnly: boolean;
}

function focusHandlers(props: FieldProps) {
  return {
    onFocus: () => announceEditing(props.session, { kind: props.kind, id: props.entryId, field: props.field }),
    onBlur: () => announceEditing(props.session, null),
  };
}

function write(props: FieldProps, value: unknown): void {
  setEntryField(props.session.doc, props.kind, props.entryId, props.field as never, value);
}

/** A select writing one plain field (last writer wins); `''` clears an optional field. */
export function SelectField(
  props: FieldProps & {
    value: string | number | undefined;
    options: { value: string; label: string }[];
    optional?: boolean;
    numeric?: boolean;
  },
) {
  const id = `${props.kind}-${props.entryId}-${props.field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value === undefined ? '' : String(props.value)}
        disabled={props.readOnly}
        onChange={(event) => {
          const raw = event.target.value;
          write(props, raw === '' ? undefined : props.numeric ? Number(raw) : raw);
        }}
        {...focusHandlers(props)}
      >
        {props.optional && <option value="">–</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The ratings 1–5 as select options. */
export const RATING_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));

/** A date field (YYYY-MM-DD), written when a whole date is entered. */
export function DateField(props: FieldProps & { value: string | undefined }) {
  const id = `${props.kind}-${props.entryId}-${props.field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value ?? ''}
        readOnly={props.readOnly}
        onChange={(event) => write(props, event.target.value === '' ? undefined : event.target.value)}
        {...focusHandlers(props)}
      />
    </div>
  );
}

/** A short plain text (titles): written on every keystroke, never empty (the schema requires a title). */
export function TitleField(props: FieldProps & { value: string }) {
  const id = `${props.kind}-${props.entryId}-${props.field}`;
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={draft}
        readOnly={props.readOnly}
        maxLength={200}
        onChange={(event) => {
          setDraft(event.target.value);
          if (event.target.value.trim() !== '') write(props, event.target.value);
        }}
        {...focusHandlers(props)}
      />
    </div>
  );
}

/** Choose a member (of one side, when given) as an owner. */
export function MemberField(props: FieldProps & { value: string | undefined; members: Member[]; side?: Side }) {
  const options = props.members
    .filter((member) => !props.side || member.side === props.side)
    .map((member) => ({ value: member.userId, label: member.name }));
  if (props.value && !options.some((option) => option.value === props.value)) {
    options.push({ value: props.value, label: props.value });
  }
  return <SelectField {...props} options={options} optional />;
}
