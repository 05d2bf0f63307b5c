import { basename } from 'node:path';
import { TableAssembler, foldName } from './assemble.js';
import { readCsv } from './csv-parse.js';
import { officeIdFor } from './ids.js';
import type { ImportResult, SourceFile } from './types.js';

export interface CsvImportOptions {
  /** Country code for every office, and the prefix of its id. */
  country?: string;
}

export const CSV_SKIP = { noOfficeId: 'position name gives no office id' } as const;

/**
 * A `position,person,start,end` CSV with a header (the every-politician extracts):
 * one office per position name, titled with it; one person per name.
 */
export function importCsv(source: SourceFile, options: CsvImportOptions = {}): ImportResult {
  const assembler = new TableAssembler({ inferConcurrent: true });
  const sourceNote = `${basename(source.file)}, imported with factlint import csv`;
  for (const row of readCsv(source, ['position', 'person', 'start', 'end'])) {
    const position = row.get('position');
    // Positions that slug alike ("Ambassador to X", "ambassador to X") are one office.
    const id = officeIdFor(position, options.country);
    if (!id) {
      assembler.skip(CSV_SKIP.noOfficeId);
      continue;
    }
    assembler.office(id, {
      name: position,
      ...(options.country ? { country: options.country } : {}),
      titles: [position],
      source: sourceNote,
    });
    const person = assembler.person(row.get('person'), foldName(row.get('person')));
    if (person !== null) assembler.addTerm([id], { person, start: row.get('start'), end: row.get('end') });
  }
  return assembler.result();
}
