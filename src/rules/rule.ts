import type { RuleSetting, Severity } from '../types.js';

export interface Rule {
  id: string;
  kind: string;
  severity: Severity | 'off';
  description: string;
  help: string;
  message: string;
  options: Readonly<Record<string, unknown>>;
  file: string;
}

export type RuleOverrides = Readonly<Record<string, RuleSetting>>;

/** Fill `{name}` placeholders; unknown placeholders are left as written. */
export function renderMessage(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => params[name] ?? whole);
}
