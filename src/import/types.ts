/** A table file as importers produce it: the plain shape of `rules/reference/*.yml`. */
export interface ImportedTerm {
  person: string;
  start: string;
  end?: string;
  acting?: boolean;
  party?: string;
  note?: string;
}

export interface ImportedOffice {
  name: string;
  country?: string;
  titles: string[];
  concurrent?: boolean;
  complete?: boolean | { from: string; to?: string };
  source?: string;
  note?: string;
  vacancies?: { start: string; end: string; note?: string }[];
  holders: ImportedTerm[];
}

export interface ImportedPerson {
  variants?: string[];
  surname?: string;
  gender?: 'female' | 'male';
  born?: string;
  died?: string;
  note?: string;
}

export interface ImportedTable {
  verifiedThrough?: string;
  countries?: Record<string, { names: string[] }>;
  offices: Record<string, ImportedOffice>;
  people: Record<string, ImportedPerson>;
}

export interface ImportSummary {
  offices: number;
  people: number;
  terms: number;
  /** Input rows (or names) left out, counted by reason ("no start date", "post not in mapping"…). */
  skipped: Record<string, number>;
}

export interface ImportResult {
  doc: ImportedTable;
  summary: ImportSummary;
}

/** One input file's name (for messages) and text. */
export interface SourceFile {
  file: string;
  text: string;
}
