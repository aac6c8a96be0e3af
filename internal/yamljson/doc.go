// Package yamljson turns a YAML dossier into the JSON text that the strict
// JSON decoder reads, and remembers where each value came from.
//
// YAML is a convenience for people who write dossiers by hand; the strict
// JSON decoder stays the only judge of what a dossier means. Conversion
// therefore decides as little as it can:
//
//   - Numbers keep their literal text. A plain scalar that YAML reads as an
//     integer or a float becomes a JSON number only when its text is a valid
//     JSON number literal ("1.20", "1e3"); anything else ("0x1F", ".5",
//     ".inf") becomes a JSON string and the decoder says whether that is
//     acceptable where it stands. Nothing passes through float64, so
//     decimals stay exact.
//   - Booleans come only from true and false (in YAML 1.2's spellings
//     true, True, TRUE and likewise for false). YAML 1.1's yes, no, on,
//     off, y and n are strings, as YAML 1.2 says.
//   - Timestamps stay strings, exactly as written.
//   - Null is null.
//   - A scalar YAML reads as a number that JSON cannot spell ("0x10",
//     "1_000", ".nan") stays a string, and Document.Hint says why it is no
//     number, for the message of the problem the decoder reports there.
//   - An explicit tag is refused unless it only names what YAML's core
//     schema makes of the value anyway (!!str, !!int, !!float, !!bool,
//     !!null, !!seq, !!map): !!binary, !!timestamp, !!set and custom tags
//     are errors.
//
// Work and memory are bounded while the text is parsed, not after. As the
// parser reads, the places where a value can begin are counted, and
// reading stops with CodeSize when they pass Options.MaxNodes, so the
// parser never holds more than about twice that many nodes. Anchors and
// aliases are then expanded within the same budget: every node visited,
// including each expansion of an alias, counts against Options.MaxNodes,
// nesting counts against Options.MaxDepth and the JSON output against
// Options.MaxBytes. A "billion laughs" document, or megabytes of "- - -",
// fails fast with CodeSize instead of exhausting memory: with the default
// budget one document takes at most about 90 MB however it is shaped.
// Merge keys (<<), tags, non-scalar mapping keys, duplicate keys, UTF-16
// text and multi-document streams are rejected with an *Error that
// always carries the YAML line.
//
// Document.Locate maps a field path of the JSON text, written as the strict
// decoder writes it ("uses[0].setting", `labels["x.y"]`), back to the YAML
// line and column, so that problems and findings point into the file the
// person edits. A value that is a mapping or a list is located at its key;
// a value that comes from an alias is located at the alias.
package yamljson
