/** `factlint <command> --help`: each command's usage and options. */

export const CHECK_OPTIONS_HELP = `\
  --date D                  article date: YYYY-MM-DD, YYYY-MM, YYYY or A/B (beats front matter)
  -f, --format F            stylish (default), json, sarif, github or junit
  -o, --output-file FILE    write the report to FILE (whole or not at all); the exit code is unchanged
  -c, --config FILE         use this config file (default: .factlintrc.yml etc. found upward); --no-config: none
  --reference PATH          another reference table file or folder (repeatable); --no-default-reference
  --rules PATH              another rule file or folder (repeatable)
  --rule ID=LEVEL           set a rule to error, warning, info or off (repeatable)
  --ignore-pattern P        skip matching files (gitignore syntax, repeatable); --no-ignore: skip .factlintignore
  --stdin [--stdin-filename NAME]   read one article from standard input
  --cache [--cache-location F]      reuse results of unchanged files (default .factlintcache)
  -q, --quiet               report errors only
  --max-warnings N          exit 1 when there are more than N warnings
  --fail-on LEVEL           exit 1 on findings of this level or worse: error (default), warning, info
  --fix | --fix-dry-run     apply safe fixes (house-style spellings) in place, or print them as a diff
  --report-unused-directives   report factlint-disable comments that silence nothing
  -j, --jobs N              worker threads (default: one per spare core for runs of
                            2,000+ files on 4+ cores; otherwise none)
  --max-file-size SIZE      skip larger files with an error (default 5MB)
  --max-table-size SIZE     refuse a reference table whose files add up to more (default 64MB)
  --color | --no-color      force colours on or off (default: on for a terminal, off with NO_COLOR)
`;

const FORMATS = `Articles: Markdown (.md, .markdown; YAML front matter), plain text (.txt) and HTML (.html, .htm:
the visible prose; positions are the HTML file's). Folders are searched for all of them.
`;

const EXIT = `Exit codes: 0 no errors, 1 error-level findings (or as --fail-on / --max-warnings say),
2 usage, configuration or input error.
`;

const TABLE_SHARED = `  --reference PATH          another reference table file or folder (repeatable)
  --no-default-reference    leave out the shipped table
  -f, --format json         JSON instead of text
`;

const HELP: Record<string, string> = {
  check: `Usage: factlint check [paths...] [options]

Checks articles: files, folders (searched recursively) and globs; - or --stdin for standard input.
${FORMATS}
Options:
${CHECK_OPTIONS_HELP}
${EXIT}`,
  explain: `Usage: factlint explain <paths...> [options]

Every quote and its speaker, every title claim and its table rows, every finding with its context.
Takes the options of factlint check (the report options -f, -o, -q, --fix do not apply).

Options:
${CHECK_OPTIONS_HELP}`,
  'print-config': `Usage: factlint print-config <file> [options]

Prints, as JSON, the configuration that applies to the file: the config file, flags and its front matter.
Takes the options of factlint check; those that choose the configuration matter here.

Options:
${CHECK_OPTIONS_HELP}`,
  init: `Usage: factlint init [--force]

Writes a commented starter .factlintrc.yml in the current folder.

Options:
  --force                   overwrite an existing .factlintrc.yml
`,
  serve: `Usage: factlint serve [options]

The HTTP API (POST /v1/check, GET /v1/reference/who, GET /healthz) and the editors' page.

Options:
  --host H                  address to listen on (default 127.0.0.1; any other needs a token)
  -p, --port P              port (default 8080; 0 picks a free one)
  --token T                 require "Authorization: Bearer T" on /v1 requests (at least 16 characters;
                            default: the FACTLINT_TOKEN environment variable)
  --token-file FILE         read the token from FILE's first line (a mounted secret)
  --allow-host NAME         also answer requests whose Host is NAME (repeatable; default: loopback
                            names and the address served on)
  -c, --config FILE, --no-config              the configuration, as for check
  --reference PATH, --no-default-reference    more tables, or none of the shipped one
  --rules PATH, --rule ID=LEVEL               more rule files, rule levels
  --max-table-size SIZE     refuse a larger reference table (default 64MB)

The table reloads on SIGHUP or when its files change; SIGTERM finishes requests in flight, then stops.
Exit codes: 0 stopped, 2 usage error or the port cannot be used.
`,
  table: `Usage: factlint table <lint|who|person|stats|generate> [options]

Tools for the reference table. factlint table <subcommand> --help for each one's options.

  lint [files...]           check table files (or the shipped table) for errors and gaps
  who "<office>" [--date D]   who held an office (id, name or title) on a date
  person "<name>"           the offices a person held
  stats                     offices, people and terms by country and year
  generate [--check]        regenerate the tables that rules/import/ manifests make
`,
  'table lint': `Usage: factlint table lint [files...] [options]

Checks table files (default: the shipped table): schema, overlapping or open terms, gaps, dates.
Exits 1 on errors.

Options:
  --gap-days N              report gaps between holders longer than N days
${TABLE_SHARED}`,
  'table who': `Usage: factlint table who "<office id, name or title>" [--date D] [options]

Who held the matching offices on a date (default: today) or in an interval A/B.

Options:
  --date D                  YYYY-MM-DD, YYYY-MM, YYYY or A/B
${TABLE_SHARED}`,
  'table person': `Usage: factlint table person "<name, variant or surname>" [options]

The offices a person held, with dates and table rows.

Options:
${TABLE_SHARED}`,
  'table stats': `Usage: factlint table stats [options]

Offices, people and terms: in total, by country, and offices with a holder on 1 July of each year.

Options:
${TABLE_SHARED}`,
  'table generate': `Usage: factlint table generate [--check] [--data DIR]

Runs every manifest in rules/import/ and rewrites its output table.

Options:
  --check                   write nothing; exit 1 when a committed output is out of date
  --data DIR                the datasets' folder (default ../shared/data/officeholders)
`,
  import: `Usage: factlint import <kind> <source> -o <table.yml> [options]

Officeholder data → a reference table file. Kinds: ifg, popolo, wikidata, csv, congress.
factlint import <kind> --help for each kind's source and options.

Options:
  -o, --output FILE         the table file to write (required)
`,
  'import ifg': `Usage: factlint import ifg <folder> -o <table.yml> [--mapping FILE]

The Institute for Government's UK ministers database (appointment.csv, person.csv, post.csv).

Options:
  -o, --output FILE         the table file to write (required)
  --mapping FILE            which posts become which offices (default rules/import/ifg-posts.yml)
`,
  'import popolo': `Usage: factlint import popolo <file or folder of .json> -o <table.yml> [--country CC]

Popolo JSON (EveryPolitician and others): memberships become terms.

Options:
  -o, --output FILE         the table file to write (required)
  --country CC              the country code of the offices (ISO 3166-1 alpha-2, or UN, EU, …)
`,
  'import wikidata': `Usage: factlint import wikidata <results.json> -o <table.yml> [--country CC]

A Wikidata SPARQL result (position, person, start, end …) as JSON.

Options:
  -o, --output FILE         the table file to write (required)
  --country CC              the country code of the offices
`,
  'import csv': `Usage: factlint import csv <file.csv> -o <table.yml> [--country CC]

A CSV with a header and one row per term: position (the office's name), person, start, end;
optionally titles (the title as copy writes it before a name, e.g. "Mayor" for "Mayor of
Springfield"; several separated by ";"). Other columns are ignored.

Options:
  -o, --output FILE         the table file to write (required)
  --country CC              the country code of the offices (and the prefix of their ids)
`,
  'import congress': `Usage: factlint import congress <executive.yaml or its folder> -o <table.yml> [--as-of D]

The unitedstates/congress-legislators executive file: presidents and vice presidents.

Options:
  -o, --output FILE         the table file to write (required)
  --as-of D                 the day open terms are judged on (default today)
`,
};

/** The help for `args` (a command and perhaps a subcommand), or null when it asks for none. */
export function helpFor(command: string, args: readonly string[]): string | null {
  const options = args.slice(0, args.includes('--') ? args.indexOf('--') : args.length);
  if (!options.includes('--help') && !options.includes('-h')) return null;
  const sub = options.find((a) => !a.startsWith('-'));
  return HELP[`${command} ${sub}`] ?? HELP[command] ?? null;
}
