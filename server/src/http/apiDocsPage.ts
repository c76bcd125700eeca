import type { OperationSpec } from './apiRouter.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A readable, script-free HTML page listing every operation, rendered on the server. */
export function renderApiDocsPage(operations: readonly OperationSpec[], version: string): string {
  const tags = [...new Set(operations.map((op) => op.tag))];
  const sections = tags
    .map((tag) => {
      const rows = operations
        .filter((op) => op.tag === tag)
        .map(
          (op) =>
            `<tr><td><code>${op.method.toUpperCase()}</code></td><td><code>${escapeHtml(op.path)}</code></td>` +
            `<td>${escapeHtml(op.summary)}</td><td>${op.status}</td><td><code>${escapeHtml(op.access)}</code></td></tr>`,
        )
        .join('\n');
      return `<section><h2>${escapeHtml(tag)}</h2><table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">What it does</th><th scope="col">Success</th><th scope="col">Access</th></tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Samverka API ${escapeHtml(version)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #111; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
th, td { text-align: left; border-bottom: 1px solid #ccc; padding: 0.4rem; vertical-align: top; }
code { font-size: 0.95em; }
</style>
</head>
<body>
<main>
<h1>Samverka API</h1>
<p>Version ${escapeHtml(version)}. The machine-readable description is at <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Errors are <code>{ "error": { "id", "message" } }</code> with a stable id. Unsafe methods need an allowed <code>Origin</code>.
Access names a policy action (owner, editor, commenter, viewer per the role table), <code>signedIn</code>, <code>public</code>, <code>invitationHolder</code> or <code>shareLinkHolder</code> (a snapshot share link's token in the path).</p>
${sections}
</main>
</body>
</html>`;
}
