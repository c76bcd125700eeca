import { COMMENT_BODY_MAX_LENGTH, type Member } from '@samverka/model';
import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api/apiClient.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { translateFieldError } from '../shell/fieldErrors.ts';
import { errorMessage } from '../shell/forms.tsx';
import { Button } from '../ui/index.ts';
import { bodyToDraft, draftToBody, mentionCandidates, mentionQueryAt, type PickedMentions } from './mentions.ts';

interface MessageInputProps {
  label: string;
  submitLabel: string;
  members: readonly Member[];
  /** A stored body to edit (its mentions become `@Name` again). */
  initialBody?: string;
  /** Sends the stored body (with `@[id]` tokens); a rejection shows its translated message. */
  onSubmit(body: string): Promise<void>;
  onCancel?(): void;
  autoFocus?: boolean;
}

/**
 * A message box with @mentions: typing @ offers the partnership's members (name and
 * side) as a listbox tied to the textarea (combobox pattern: arrows, Enter or Tab picks,
 * Escape closes). The box shows `@Name`; what is sent carries the member's `@[id]`.
 */
export function MessageInput(props: MessageInputProps) {
  const { t } = useI18n();
  const id = useId();
  const initial = props.initialBody === undefined ? undefined : bodyToDraft(props.initialBody, props.members);
  const [draft, setDraft] = useState(initial?.draft ?? '');
  const [picked, setPicked] = useState<PickedMentions>(initial?.picked ?? new Map());
  const [query, setQuery] = useState<{ start: number; query: string } | undefined>();
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a picked mention is in the box: set in the same commit as the new
  // text, before the next key is handled. (Set a frame later, it moved keys typed in between to
  // after the caret: "heck …c".)
  const caretAfterRender = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const position = caretAfterRender.current;
    if (position === undefined || !textarea.current) return;
    caretAfterRender.current = undefined;
    textarea.current.focus();
    textarea.current.setSelectionRange(position, position);
  });
  const candidates = query ? mentionCandidates(props.members, query.query) : [];
  const listOpen = candidates.length > 0;

  const track = (text: string, caret: number) => {
    setDraft(text);
    setQuery(mentionQueryAt(text, caret));
    setActive(0);
    setError(undefined);
  };

  const pick = (member: Member) => {
    if (!query) return;
    const caret = query.start + 1 + query.query.length;
    const inserted = `@${member.name} `;
    const next = draft.slice(0, query.start) + inserted + draft.slice(caret);
    setDraft(next.slice(0, COMMENT_BODY_MAX_LENGTH));
    setPicked(new Map(picked).set(member.name, member.userId));
    setQuery(undefined);
    caretAfterRender.current = Math.min(query.start + inserted.length, COMMENT_BODY_MAX_LENGTH);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!listOpen) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + candidates.length) % candidates.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(candidates[active] as Member);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setQuery(undefined);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) {
      setError('empty');
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(draftToBody(draft, picked));
      setDraft('');
      setPicked(new Map());
      setError(undefined);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const errorText = error === 'empty' ? t('comments.emptyMessage') : error ? commentError(t, error) : undefined;
  return (
    <form className="message-input" onSubmit={submit}>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {props.label}
      </label>
      <div className="message-input-box">
        <textarea
          ref={textarea}
          id={`${id}-text`}
          value={draft}
          rows={3}
          maxLength={COMMENT_BODY_MAX_LENGTH}
          placeholder={t('comments.placeholder')}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to write (reply, edit, new thread)
          autoFocus={props.autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={listOpen}
          aria-controls={`${id}-mentions`}
          aria-activedescendant={listOpen ? `${id}-option-${active}` : undefined}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={errorText ? `${id}-error` : undefined}
          onChange={(e) => track(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() =>
            // Closed a moment later, so a click on a member lands first; not at all if the box
            // has the focus again by then (the typing went on, and the list belongs to it).
            setTimeout(() => {
              if (document.activeElement !== textarea.current) setQuery(undefined);
            }, 150)
          }
        />
        <div
          id={`${id}-mentions`}
          role="listbox"
          aria-label={t('comments.mentionList')}
          className="mention-list"
          hidden={!listOpen}
        >
          {candidates.map((member, index) => (
            <div
              key={member.userId}
              tabIndex={-1}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'mention-option mention-option--active' : 'mention-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(member);
              }}
            >
              {member.name} <span className="comment-side">({t(`side.${member.side}`)})</span>
            </div>
          ))}
        </div>
      </div>
      {errorText && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errorText}
        </p>
      )}
      <div className="message-input-actions">
        {props.onCancel && (
          <Button variant="ghost" size="sm" onClick={props.onCancel}>
            {t('ui.cancel')}
          </Button>
        )}
        <Button type="submit" size="sm" busy={busy} busyLabel={t('comments.sending')}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** One translated message for a refused message: the body's own rule when the server names it, else the error id's. */
export function commentError(t: Translate, error: unknown): string {
  const bodyProblem = error instanceof ApiRequestError ? error.fields.body : undefined;
  if (bodyProblem === undefined) return errorMessage(t, error);
  if (bodyProblem === 'write a message') return t('comments.emptyMessage');
  return translateFieldError(t, 'body', bodyProblem);
}
