import type { RuleSetting, Severity } from '../types.js';

export interface Rule {
  id: string;
  kind: string;
  severity: Severity | 'off';
  description: string;
  help: string;
  message: string;
  options: Readonly<Record<string, unknown>>;
  /** Rule ids whose findings at the same place this rule's finding replaces. */
  supersedes: readonly string[];
  file: string;
}

export type RuleOverrides = Readonly<Record<string, RuleSetting>>;

export const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Fill `{name}` placeholders (rule loading has checked that the check fills each). */
export function renderMessage(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(
    PLACEHOLDER,
    (whole, name: string) => (Object.hasOwn(params, name) ? params[name] : whole) ?? whole,
  );
}
