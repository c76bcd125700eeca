import { type ReactNode, useId } from 'react';
import { ApiRequestError } from '../api/apiClient.ts';
import { isMessageKey, type Translate, useI18n } from '../i18n/i18n.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';

/** A person-readable message for any error, by its stable API error id. */
export function errorMessage(t: Translate, error: unknown): string {
  const id = error instanceof ApiRequestError ? error.id : 'generic';
  const key = `error.${id}`;
  return isMessageKey(key) ? t(key) : t('error.generic');
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'date' | 'number';
  error?: string | undefined;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  /** The server's limit for this text (from `@samverka/model`). */
  maxLength?: number;
  min?: number;
  max?: number;
}

/** A labelled input with its hint and validation message tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        required={props.required}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.hint && (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${id}-error`} className="field-error">
          {props.error}
        </small>
      )}
    </div>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  options: readonly V[];
  optionLabel(value: V): string;
  onChange(value: V): void;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form-level error, announced when it appears. */
export function FormAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="form-alert">
      {errorMessage(t, error)}
    </p>
  );
}

/** A centred card for small pages (log in, sign up, invitation). */
export function Card({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="card">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
