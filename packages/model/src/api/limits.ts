/**
 * Length limits of text the API accepts. The schemas enforce them and the client
 * sets the same numbers as `maxlength` on its inputs. This file and email.ts import
 * no zod, so the sign-in page can use them without loading the schemas.
 */
export const EMAIL_MAX_LENGTH = 254;
/** A person's display name. */
export const PERSON_NAME_MAX_LENGTH = 100;
/** A partnership's name and its two organisations' names. */
export const NAME_MAX_LENGTH = 200;
/** A document's title. */
export const DOCUMENT_TITLE_MAX_LENGTH = 200;
/** The accepted range of a partnership's term, in whole years. */
export const TERM_YEARS_MIN = 1;
export const TERM_YEARS_MAX = 50;
/** Shortest password accepted; no composition rules beyond this and the common-password list. */
export const PASSWORD_MIN_LENGTH = 10;
/** Longest password accepted, so hashing cost stays bounded. */
export const PASSWORD_MAX_LENGTH = 256;

/** Languages the app and its emails speak; a person's choice is stored so emails follow it. */
export const LOCALES = ['en', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];
