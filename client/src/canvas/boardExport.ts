import type { Editor } from 'tldraw';

export type ExportFormat = 'png' | 'svg';

/**
 * Renders every shape on the current page with tldraw's exporter and saves it
 * as a file. Everything happens in the browser: nothing is sent anywhere.
 */
export async function downloadBoard(editor: Editor, format: ExportFormat, baseName: string): Promise<void> {
  const shapeIds = [...editor.getCurrentPageShapeIds()];
  const { blob } = await editor.toImage(shapeIds, { format, background: true, padding: 32 });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${baseName}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; free the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
