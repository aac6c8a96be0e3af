// Command secretome checks secretome and extracellular-vesicle product
// dossiers against the shipped regulatory rules, summarises the evidence
// of their studies, and describes the formats it reads and writes.
//
// It is the command-line face of package regulation, meant for three
// places: a maker's continuous integration (fail the build when a dossier
// breaks a rule, with annotations on the pull request), a hospital's
// intake of a product (read the verdicts per intended use), and a
// researcher's desk (grade the studies behind a claim).
//
// # Commands
//
//	secretome check [flags] PATH...    check dossiers
//	secretome grade [flags] PATH...    summarise the evidence of the dossiers' studies
//	secretome rules [flags]            list the shipped rules with citations, dates, provenance and revision, and audit counts
//	secretome rules diff --from DATE --to DATE [flags] [DOSSIER...]
//	                                   list the rules that start, end or replace one another between two
//	                                   days, and the verdicts and findings that change for each dossier
//	                                   (--from-policy DIR --to-policy DIR: also the rules two versions of the
//	                                   policy files add, remove or revise)
//	secretome verify [flags] DIR...    run the tests written beside house policies (exit 0, 1 or 2)
//	secretome schema [dossier|check]   print a JSON Schema (draft 2020-12)
//	secretome version                  print the module version and the format versions
//
// # Inputs
//
// Flags may come before or after the paths; everything after "--" is a
// path.
//
// PATH is a file, a folder or "-" for standard input. Folders are walked
// in lexical order for *.json, *.yaml, *.yml, *.jsonl and *.ndjson files;
// folders whose names start with a dot are skipped. A folder named on the
// command line that holds no dossier file is reported as unreadable (exit
// status 2): it is more likely a wrong path than a pass. A .json file holds
// one JSON dossier, a .yaml or .yml file one YAML dossier, and a .jsonl or
// .ndjson file one JSON dossier per line (JSON Lines), streamed with
// bounded memory; --jsonl reads every input, standard input included, as
// JSON Lines. Standard input and files with other extensions are read as
// JSON when they start with { and as YAML otherwise. A leading byte order
// mark is ignored. Lines are counted by "\n" in every syntax (as SARIF
// consumers and editors count them), also in YAML, whose parser would
// count a lone "\r" too.
//
// A dossier (a file or a JSON Lines record) may hold at most 8 MiB. The
// size of a file is checked before it is read, so a huge file costs
// nothing. YAML is converted to JSON text without passing numbers through
// floating point, so decimals stay exact; yes, no, on and off stay strings
// (YAML 1.2); anchors and aliases expand within a budget of 250,000
// values and 256 levels, counted while the text is parsed, so a "billion
// laughs" document or megabytes of nested lists are refused early.
//
// Only regular files and standard input are read: every input's type is
// checked before it is opened, and a named pipe, device or socket (also
// in a folder, with -jsonl and in grade) is unreadable (exit status 2)
// instead of a read that never ends. A link to a folder named on the
// command line is walked like the folder.
//
// Memory is bounded per dossier and per run: one dossier takes at most
// about 192 MiB while it is checked, whatever its shape, and the
// dossiers in flight share a budget of 256 MiB charged by their size, so
// that large dossiers are checked fewer at a time, down to one.
//
// # check
//
//	-jurisdiction CODES   assess only these jurisdictions (repeatable or
//	                      comma-separated: US,EU); the quality baseline
//	                      (QUALITY) is always included. Default: all.
//	-as-of DATE           apply the rules in force on DATE (YYYY-MM-DD).
//	                      Default: today. Jurisdictions with no rule in
//	                      force that day are named on standard error.
//	-format FORMAT        text (default), json, sarif, junit or github.
//	-fail-on LEVEL        error (default), warning, unknown or never.
//	                      unknown fails on warnings and errors and on every
//	                      use no rule settled: a verdict of unknown, or a
//	                      use whose jurisdiction was not assessed.
//	-strict               the same as -fail-on unknown.
//	-quiet                show only what fails; no progress display.
//	-jsonl                read inputs as JSON Lines.
//
// Dossiers are decoded and assessed concurrently by GOMAXPROCS workers
// sharing one prepared regulation.Assessor; results are written in input
// order, so the output is the same on every run. When more than 300
// dossiers are checked, standard error is a terminal and the report goes
// to a file or a pipe, a progress count is shown on standard error.
//
// Each dossier ends in one of four states:
//
//	pass        nothing at or above --fail-on
//	fail        a finding at or above --fail-on, or (--fail-on unknown)
//	            a use no rule settled
//	invalid     the dossier could not be decoded, or failed validation;
//	            each problem is reported with its code, field path and line
//	unreadable  the input could not be read (missing, a dangling link, a
//	            named pipe or device, an I/O error)
//
// # Exit status
//
//	0  every dossier passed
//	1  a dossier failed or was invalid (unless --fail-on never)
//	2  bad usage, or an input could not be read (also with --fail-on
//	   never), or a JSON Lines input holds no record
//
// An unreadable input does not stop the run: the other inputs are still
// checked and reported, and the exit status is 2. With a report format
// (json, sarif, junit, github) unreadable inputs are also named on
// standard error, so that they show in CI logs. An input that was read
// but is not a valid dossier (empty, not JSON or YAML, too large, too
// deeply nested, a YAML bomb) is reported as invalid with the problem's
// code and counts like a failure (exit 1), so one broken file in a folder
// shows up beside the findings of the others.
//
// # Output formats
//
// text is for people: one block per dossier with its status, then per
// jurisdiction the classification, the verdict of each intended use and
// the findings, each with severity, rule ID, field path and line, message
// and citation; a summary line with the day whose rules applied ends the
// output. Colour is used only when standard output is a terminal and
// NO_COLOR is not set; on a terminal, long lines are wrapped to its width
// (COLUMNS wins) with hanging indents, never inside a word, so URLs stay
// whole. Text taken from a dossier is printed with control characters
// escaped, so that a dossier cannot drive the reviewer's terminal. The wording may
// change; use json for scripts.
//
// json is the stable, versioned format "secretomekit/check/v1"; its JSON
// Schema is printed by "secretome schema check". The document has the
// fields schema, tool {name, version}, as_of, jurisdictions, fail_on,
// dossiers and summary. Each dossier has source, line (JSON Lines
// records), product, status, error (unreadable inputs), problems (decode
// and validation problems: path, code, severity, message, line, column)
// and jurisdictions (jurisdiction, name, classification, uses with index,
// class, verdict, missing, rules, invalid_paths and as_read, and findings
// with rule, jurisdiction, severity, path, line, column, use, message,
// message_code and message_args (the message as its catalogue code and
// typed arguments, for rendering or checking it without parsing the
// sentence; a policy rule's own text has no code), citation, provenance,
// invalid_paths and waiver), unassessed: the indexes of uses whose
// jurisdiction was not assessed (no rules for it, or left out by
// -jurisdiction), present only when there are some, and gaps: the uses no
// rule settled (rule use/unassessed or use/unknown, use, jurisdiction,
// severity, path, line, column, message), as the other formats list them.
// invalid_paths (on a dossier with errors) names the errors that bear on a
// use or finding; as_read is the verdict the rules reached on the values
// as read, where the verdict itself is unknown because of those errors. The summary counts dossiers, passed, failed, invalid, unreadable,
// errors, warnings and infos. Fields are only ever added within v1.
//
// sarif is SARIF 2.1.0 for code-scanning services: one run whose driver
// lists every rule in force (id, name, shortDescription, helpUri = the
// citation URL, help = the citation, properties.provenance and
// jurisdiction) followed by one rule per decode problem code
// ("dossier/syntax", "dossier/field.unknown", ...) and the two rules of
// unsettled uses ("use/unassessed": its jurisdiction was not assessed;
// "use/unknown": its verdict is unknown), which are notes, or errors with
// --fail-on unknown. Each finding, problem or unsettled use is a result with ruleId, ruleIndex, level (error, warning,
// note), message and the file's URI, line and column (characters): relative to the working
// folder with uriBaseId %SRCROOT%, whose absolute URI the run gives in
// originalUriBaseIds, or an absolute file URI for files outside it. Unreadable inputs
// are tool execution notifications and make executionSuccessful false.
//
// junit is JUnit XML: a test suite per dossier and a test case per
// jurisdiction where the dossier has a use or a finding (or that
// -jurisdiction named), failing with the findings at or above --fail-on
// (and, with --fail-on unknown, the uses of unknown verdict); a case per
// use whose jurisdiction was not assessed, named "use 2 (SG)", skipped
// or, with --fail-on unknown, failed; a "dossier" case carries decode
// problems and unreadable inputs.
//
// Text output, too, leaves out jurisdictions where the dossier has
// neither a use nor a finding, unless -jurisdiction named them: a
// classification line alone would read as a market checked and passed.
//
// github is GitHub Actions workflow commands (::error file=…,line=…,col=…,
// title=RULE::message), escaped as the runner requires, which become
// annotations on the pull request; unsettled uses are notices (errors
// with --fail-on unknown). GitHub shows at most 10 annotations of
// each kind (error, warning, notice) for a step and drops the rest without
// a word; when a run writes more, its last line says so. The log keeps
// them all, and SARIF uploaded to code scanning has no such limit.
//
// Rule IDs, problem codes, field paths and statuses read the same in
// every format.
//
// # grade
//
// grade reads the studies of each dossier and prints, per indication and
// outcome, the study designs, the best Oxford CEBM 2011 level, the GRADE
// certainty with its reasons and the pooled effect (package evidence).
// --indication (an ICD-10 or ICD-11 code) and --outcome narrow the
// question, --format json prints "secretomekit/grade/v1", and --svg DIR
// writes a forest plot of every pooled row. JSON Lines files are graded
// record by record.
//
// # rules
//
// rules lists the shipped rules (--jurisdiction narrows the list): ID,
// jurisdiction, provenance, title, the citation (instrument, number,
// article, link, secondary source, the days it took effect and ended, the
// day its source was read) and the note; a last line counts the rules by
// provenance and says how many link to an official source, how many give
// their day of effect and how many the day their source was read.
// --format json prints "secretomekit/rules/v1": summary (rules, provenance
// counts, official_source, official_source_with_verified_article,
// article_verified, secondary_source, effective_from, effective_to,
// checked_on and checked_on_days) and rules, each with its metadata and
// official_source, so that a reviewer can audit the set.
package main
