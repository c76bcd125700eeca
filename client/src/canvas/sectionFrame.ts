import { FrameShapeUtil, type TLShape } from 'tldraw';

/**
 * tldraw's frame, but a canvas section never hides what people put in it: text
 * or notes running past a section's edge stay visible on screen, and an export
 * includes them in full instead of cutting them at the frame's bounds.
 */
export class SectionFrameShapeUtil extends FrameShapeUtil {
  override shouldClipChild(_child: TLShape): boolean {
    return false;
  }

  override isExportBoundsContainer(): boolean {
    return false;
  }
}

/** The canvas's shape utils that differ from tldraw's defaults (same types, same stored records). */
export const CANVAS_SHAPE_UTILS = [SectionFrameShapeUtil];
