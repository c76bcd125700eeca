/**
 * Length limits of text the API accepts. The schemas enforce them and the client
 * sets the same numbers as `maxlength` on its inputs.
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
