import type { Editor, TLShapeId } from 'tldraw';

/** The template's structure: section frames, their prompts and side halves (`shape:section-…`, see the model). */
export function isTemplateShape(id: TLShapeId | string): boolean {
  return id.startsWith('shape:section-');
}

/**
 * Locks the template for someone who may not change it (everyone but owners):
 * its frames and labels cannot be selected, so no key deletes, moves or renames a
 * whole section, and a deletion from this person is refused. People's notes in the
 * sections stay free to edit. Remote changes (an owner's) are always applied.
 */
export function lockTemplate(editor: Editor): () => void {
  const stopSelecting = editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next) => {
    const selectable = next.selectedShapeIds.filter((id) => !isTemplateShape(id));
    return selectable.length === next.selectedShapeIds.length ? next : { ...next, selectedShapeIds: selectable };
  });
  const stopDeleting = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && isTemplateShape(shape.id) ? false : undefined,
  );
  return () => {
    stopSelecting();
    stopDeleting();
  };
}
