import { basename } from 'node:path';
import { type OfficeInfo, TableAssembler, foldName } from './assemble.js';
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
 * one office per position name, titled with it; one person per name. An optional
 * `titles` column gives the titles news copy puts before a name ("Mayor" for "Mayor of
 * Springfield"), several separated by `;`; each row's add to its office's.
 */
export function importCsv(source: SourceFile, options: CsvImportOptions = {}): ImportResult {
  const assembler = new TableAssembler({ inferConcurrent: true });
  const sourceNote = `${basename(source.file)}, imported with factlint import csv`;
  const offices = new Map<string, OfficeInfo>();
  for (const row of readCsv(source, ['position', 'person', 'start', 'end'], ['titles'])) {
    const position = row.get('position');
    // Positions that slug alike ("Ambassador to X", "ambassador to X") are one office.
    const id = officeIdFor(position, options.country);
    if (!id) {
      assembler.skip(CSV_SKIP.noOfficeId);
      continue;
    }
    let office = offices.get(id);
    if (!office) {
      office = {
        name: position,
        ...(options.country ? { country: options.country } : {}),
        titles: [position],
        source: sourceNote,
      };
      offices.set(id, office);
      assembler.office(id, office);
    }
    for (const title of titlesOf(row.get('titles'))) if (!office.titles.includes(title)) office.titles.push(title);
    const person = assembler.person(row.get('person'), foldName(row.get('person')));
    if (person !== null) assembler.addTerm([id], { person, start: row.get('start'), end: row.get('end') });
  }
  return assembler.result();
}

function titlesOf(cell: string): string[] {
  return cell
    .split(';')
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '');
}
