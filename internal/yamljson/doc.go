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
//   - Timestamps and binary scalars stay strings, exactly as written.
//   - Null is null.
//
// Anchors and aliases are expanded, within a budget: every node visited,
// including each expansion of an alias, counts against Options.MaxNodes,
// nesting counts against Options.MaxDepth and the JSON output against
// Options.MaxBytes. A "billion laughs" document fails fast with CodeSize
// instead of exhausting memory. Merge keys (<<), custom tags, non-scalar
// mapping keys, duplicate keys and multi-document streams are rejected
// with an *Error that carries the YAML line.
//
// Document.Locate maps a field path of the JSON text, written as the strict
// decoder writes it ("uses[0].setting", `labels["x.y"]`), back to the YAML
// line and column, so that problems and findings point into the file the
// person edits. A value that is a mapping or a list is located at its key;
// a value that comes from an alias is located at the alias.
package yamljson
