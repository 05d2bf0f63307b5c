// The factlint extension: starts `factlint lsp --stdio` for Markdown and plain text. The server
// does the work (diagnostics, quick fixes, hovers, reloading .factlintrc.yml); this file only
// finds the factlint to run and passes the settings on.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { workspace, window } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/**
 * How to run the server: `factlint.path` when set; else the workspace's own factlint, run as a
 * Node module (no shell, any platform); else `factlint` on the PATH.
 */
function serverOptions() {
  const configured = workspace.getConfiguration('factlint').get('path', '').trim();
  if (configured) return { command: configured, args: ['lsp'], transport: TransportKind.stdio };
  for (const folder of workspace.workspaceFolders ?? []) {
    const cli = join(folder.uri.fsPath, 'node_modules', 'factlint', 'dist', 'cli.js');
    if (existsSync(cli)) return { module: cli, args: ['lsp'], transport: TransportKind.stdio };
  }
  const command = process.platform === 'win32' ? 'factlint.cmd' : 'factlint';
  return { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
}

function activate(context) {
  const languages = ['markdown', 'plaintext'];
  const clientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // Settings changes are sent to the server, which checks the open documents again.
    synchronize: { configurationSection: 'factlint' },
    initializationOptions: { date: workspace.getConfiguration('factlint').get('date', '') },
  };
  client = new LanguageClient('factlint', 'factlint', serverOptions(), clientOptions);
  context.subscriptions.push(
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('factlint.path'))
        window.showInformationMessage('factlint: reload the window to use the new factlint.path.');
    }),
  );
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
