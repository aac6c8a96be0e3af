package secretome

import "strings"

// ValidICD10 reports whether s has the form of an ICD-10 code: a letter,
// two digits, and an optional dot with one to four characters ("L89",
// "L89.3", and ICD-10-CM's "L89.621"), or a block of two three-character
// codes joined by a hyphen or an en dash ("T20-T32"). It checks the form
// only, not that the code exists in a given edition.
func ValidICD10(s string) bool {
	if a, b, ok := cutRange(s); ok {
		return icd10Category(a) && icd10Category(b) && a <= b
	}
	cat, sub, dotted := strings.Cut(s, ".")
	if !icd10Category(cat) {
		return false
	}
	if !dotted {
		return true
	}
	if len(sub) < 1 || len(sub) > 4 {
		return false
	}
	for i := 0; i < len(sub); i++ {
		if !isUpperAlnum(sub[i]) {
			return false
		}
	}
	return true
}

func cutRange(s string) (string, string, bool) {
	if a, b, ok := strings.Cut(s, "-"); ok {
		return a, b, true
	}
	return strings.Cut(s, "–")
}

// icd10Category checks a three-character category: a letter, a digit, and
// a digit or (in ICD-10-CM) a capital letter.
func icd10Category(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && isDigit(s[1]) && (isDigit(s[2]) || (s[2] >= 'A' && s[2] <= 'Z'))
}

// ValidICD11 reports whether s has the form of an ICD-11 MMS code: a stem
// code of four characters (chapter character, a letter, a digit, a
// character) with an optional dot and one or two more ("EB40.0", "1A00"),
// or an extension code starting with X; stem and extension codes may be
// joined by & or / (postcoordination). ICD-11 never uses the letters I and
// O. It checks the form only.
func ValidICD11(s string) bool {
	if s == "" {
		return false
	}
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '&' || r == '/' }) {
		if !icd11Stem(part) && !icd11Extension(part) {
			return false
		}
	}
	return !strings.HasPrefix(s, "&") && !strings.HasPrefix(s, "/") && !strings.HasSuffix(s, "&") && !strings.HasSuffix(s, "/") &&
		!strings.Contains(s, "&&") && !strings.Contains(s, "//") && !strings.Contains(s, "&/") && !strings.Contains(s, "/&")
}

func icd11Stem(s string) bool {
	base, ext, dotted := strings.Cut(s, ".")
	if len(base) != 4 || !icd11Char(base[0]) || base[0] == 'X' || !icd11Letter(base[1]) || !isDigit(base[2]) || !icd11Char(base[3]) {
		return false
	}
	if !dotted {
		return true
	}
	if len(ext) < 1 || len(ext) > 2 {
		return false
	}
	for i := 0; i < len(ext); i++ {
		if !icd11Char(ext[i]) {
			return false
		}
	}
	return true
}

func icd11Extension(s string) bool {
	if len(s) < 4 || len(s) > 6 || s[0] != 'X' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !icd11Char(s[i]) {
			return false
		}
	}
	return true
}

func icd11Letter(c byte) bool { return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' }
func icd11Char(c byte) bool   { return isDigit(c) || icd11Letter(c) }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isUpperAlnum(c byte) bool {
	return isDigit(c) || (c >= 'A' && c <= 'Z')
}
