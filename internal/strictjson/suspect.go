package strictjson

// suspectKeys reports whether the document has an object key that the
// encoding/json fast pass would accept although strict decoding must not:
// a key repeated in one object (encoding/json keeps the last value and drops
// the others), or a key with a capital letter, an escape or any non-ASCII
// byte (which encoding/json may match to a field case-insensitively, and
// under Unicode folding: "oK" with a Kelvin sign is "ok" to it). Such documents
// take the slow, exact pass. The scan allocates nothing for documents whose
// objects have at most 64 keys open at once, and treats anything it cannot
// follow as suspect, and so is an object of more than maxKeysCompared keys.
func suspectKeys(data []byte) bool {
	var stackBuf [64]keySpan
	keys := stackBuf[:0] // keys of the open objects, innermost last
	var openBuf [32]int
	open := openBuf[:0] // for each open container: index in keys where its keys start, or -1 for an array
	expectKey := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '{':
			open = append(open, len(keys))
			expectKey = true
		case '[':
			open = append(open, -1)
			expectKey = false
		case '}', ']':
			if len(open) == 0 {
				return true
			}
			if start := open[len(open)-1]; start >= 0 {
				keys = keys[:start]
			}
			open = open[:len(open)-1]
			expectKey = false
		case ',':
			expectKey = len(open) > 0 && open[len(open)-1] >= 0
		case '"':
			j := i + 1
			escaped := false
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					escaped = true
					j++
				}
				j++
			}
			if j >= len(data) {
				return true
			}
			if expectKey {
				if escaped {
					return true
				}
				key := keySpan{i + 1, j}
				for k := i + 1; k < j; k++ {
					if b := data[k]; b >= 'A' && b <= 'Z' || b >= 0x80 {
						return true
					}
				}
				start := open[len(open)-1]
				if len(keys)-start >= maxKeysCompared {
					return true
				}
				for _, prev := range keys[start:] {
					if string(data[prev.from:prev.to]) == string(data[key.from:key.to]) {
						return true
					}
				}
				keys = append(keys, key)
				expectKey = false
			}
			i = j
		}
	}
	return false
}

type keySpan struct{ from, to int }

// maxKeysCompared bounds the keys of one object that suspectKeys compares
// pairwise for duplicates. An object with more keys takes the exact pass,
// whose cost grows linearly with the keys, so that a document of many
// keys in one object is not quadratic in them. No struct of the module
// has that many fields.
const maxKeysCompared = 64
