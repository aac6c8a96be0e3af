package evidence

import (
	"errors"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/message"

	"github.com/openregen/secretomekit/secretome"
)

// Registry names a trial registry.
type Registry uint8

// The registries whose numbers the package knows. Any other registry is
// RegistryOther with its name given in Registration.RegistryName.
const (
	RegistryUnknown           Registry = iota
	RegistryClinicalTrialsGov          // clinicaltrials_gov: NCT followed by 8 digits
	RegistryISRCTN                     // isrctn: ISRCTN followed by 8 digits
	RegistryEudraCT                    // eudract: YYYY-NNNNNN-CC
	RegistryCTIS                       // ctis: EU CT number YYYY-NNNNNN-NN-NN
	RegistryOther                      // other: any other registry, named in RegistryName
)

var registryNames = []string{"", "clinicaltrials_gov", "isrctn", "eudract", "ctis", "other"}

// String returns the stable spelling.
func (r Registry) String() string { return enumString("Registry", registryNames, r) }

// MarshalText encodes the registry as its stable spelling.
func (r Registry) MarshalText() ([]byte, error) { return marshalEnum("registry", registryNames, r) }

// UnmarshalText decodes a stable spelling.
func (r *Registry) UnmarshalText(b []byte) error {
	v, err := parseEnum[Registry]("registry", registryNames, b)
	if err == nil {
		*r = v
	}
	return err
}

// Registration is a study's entry in a trial registry.
type Registration struct {
	// Registry is the registry that issued ID.
	Registry Registry `json:"registry"`
	// ID is the registration number, for example "NCT01234567".
	ID string `json:"id"`
	// RegistryName names the registry when Registry is RegistryOther
	// (for example "ANZCTR" or "ChiCTR"); it must be empty otherwise.
	RegistryName string `json:"registry_name,omitzero"`
}

// checkRegistrationID checks id against the format of registry r. It
// returns the severity to use: the NCT and ISRCTN formats are certain and
// a mismatch is an error; the EudraCT and CTIS patterns are the usual ones
// but were not checked against the registries' rules, so a mismatch is only
// a warning.
func checkRegistrationID(r Registry, id string) (certain bool, err error) {
	switch r {
	case RegistryClinicalTrialsGov:
		if !hasPrefixDigits(id, "NCT", 8) {
			return true, formError("study.registration.nct", id)
		}
	case RegistryISRCTN:
		if !hasPrefixDigits(id, "ISRCTN", 8) {
			return true, formError("study.registration.isrctn", id)
		}
	case RegistryEudraCT:
		if !digitGroups(id, 4, 6, 2) {
			return false, formError("study.registration.eudract", id)
		}
	case RegistryCTIS:
		if !digitGroups(id, 4, 6, 2, 2) {
			return false, formError("study.registration.euct", id)
		}
	}
	return true, nil
}

func hasPrefixDigits(s, prefix string, n int) bool {
	rest, ok := strings.CutPrefix(s, prefix)
	return ok && len(rest) == n && allDigits(rest)
}

// digitGroups reports whether s is groups of digits of the given lengths
// separated by hyphens.
func digitGroups(s string, lens ...int) bool {
	parts := strings.Split(s, "-")
	if len(parts) != len(lens) {
		return false
	}
	for i, p := range parts {
		if len(p) != lens[i] || !allDigits(p) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkDOI checks the form of a bare DOI: "10.", a registrant code of 4 to
// 9 digits (optionally with dotted sub-codes), "/" and a non-empty suffix
// without spaces or control characters. Resolver prefixes such as
// "https://doi.org/" or "doi:" are rejected so that one DOI has one
// spelling.
func checkDOI(s string) error {
	low := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"} {
		if strings.HasPrefix(low, p) {
			return formError("study.doi.bare", s, message.Text(strconv.Quote(s[:len(p)])))
		}
	}
	prefix, suffix, ok := strings.Cut(s, "/")
	if !ok || suffix == "" {
		return formError("study.doi.form", s)
	}
	reg, ok := strings.CutPrefix(prefix, "10.")
	if !ok {
		return formError("study.doi.prefix", s)
	}
	first, subs, _ := strings.Cut(reg, ".")
	if len(first) < 4 || len(first) > 9 || !allDigits(first) {
		return formError("study.doi.registrant", s)
	}
	if subs != "" {
		for _, p := range strings.Split(subs, ".") {
			if !allDigits(p) {
				return formError("study.doi.subcode", s)
			}
		}
	}
	for _, r := range suffix {
		if r <= ' ' || r == 0x7f {
			return formError("study.doi.suffix", s)
		}
	}
	return nil
}

// checkPMID checks a PubMed identifier: 1 to 9 digits without a leading
// zero.
func checkPMID(s string) error {
	if !allDigits(s) || len(s) > 9 || s[0] == '0' {
		return formError("study.pmid", s)
	}
	return nil
}

// ICDRevision is the ICD revision a condition code belongs to.
type ICDRevision uint8

// The revisions. The zero value means the code is not a valid ICD code.
const (
	ICDUnknown ICDRevision = iota
	ICD10                  // ICD-10 (WHO, and national modifications such as ICD-10-CM)
	ICD11                  // ICD-11 (MMS stem codes)
)

var icdNames = []string{"", "icd10", "icd11"}

// String returns "icd10" or "icd11".
func (r ICDRevision) String() string { return enumString("ICDRevision", icdNames, r) }

// MarshalText encodes the revision as "icd10" or "icd11"; ICDUnknown has
// no spelling and is an error.
func (r ICDRevision) MarshalText() ([]byte, error) {
	return marshalEnum("ICD revision", icdNames, r)
}

// UnmarshalText decodes "icd10" or "icd11"; anything else is an
// *secretome.EnumError listing the two.
func (r *ICDRevision) UnmarshalText(b []byte) error {
	v, err := parseEnum[ICDRevision]("ICD revision", icdNames, b)
	if err == nil {
		*r = v
	}
	return err
}

// errCondition is the base of every condition-code error.
var errCondition = errors.New("not an ICD-10 or ICD-11 code")

// ConditionRevision checks the form of a condition code and says which ICD
// revision it belongs to. It applies the same rule as a product's
// indications (secretome.ValidICD10 and secretome.ValidICD11), so that the
// two can be compared with ConditionCovers:
//
//   - an ICD-10 code: a letter, two digits, and optionally a dot and 1 to 4
//     letters or digits ("L10.0", "L89", "L89.621" in ICD-10-CM);
//   - an ICD-10 block: two three-character categories joined by a hyphen
//     (or an en dash), the first not after the second ("T20-T32");
//   - an ICD-11 MMS code: a stem of four characters with an optional dot
//     and one or two more ("EB40.0", "1F40"), possibly postcoordinated.
//
// The check is of form only; it does not look the code up in a
// classification.
func ConditionRevision(code string) (ICDRevision, error) {
	switch {
	case secretome.ValidICD10(code):
		return ICD10, nil
	case secretome.ValidICD11(code):
		return ICD11, nil
	}
	if code != strings.ToUpper(code) {
		return ICDUnknown, &identifierError{text: "study.condition.capitals", value: code, wrapped: errCondition}
	}
	return ICDUnknown, &identifierError{text: "study.condition.form", value: code, wrapped: errCondition}
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// ConditionCovers reports whether a study of condition is direct evidence
// for indication, comparing the codes by the ICD hierarchy:
//
//   - a code covers itself and every code below it ("L89" covers "L89.1"
//     and "L89.621"; "EB40" covers "EB40.0");
//   - an ICD-10 block covers every category inside it and every code below
//     those ("T20-T32" covers "T24" and "T24.1") and every block inside it;
//   - a narrower indication does not cover a broader condition ("L89.1"
//     does not cover "L89"), and codes of different revisions never cover
//     each other: the package has no ICD-10 to ICD-11 map.
//
// Malformed codes cover nothing.
func ConditionCovers(indication, condition string) bool {
	ri, err1 := ConditionRevision(indication)
	rc, err2 := ConditionRevision(condition)
	if err1 != nil || err2 != nil || ri != rc {
		return false
	}
	indication = strings.ReplaceAll(indication, "–", "-")
	condition = strings.ReplaceAll(condition, "–", "-")
	if lo, hi, ok := strings.Cut(indication, "-"); ok {
		clo, chi, isBlock := strings.Cut(condition, "-")
		if !isBlock {
			clo = condition[:3]
			chi = clo
		}
		return lo <= clo && chi <= hi
	}
	if strings.Contains(condition, "-") {
		return false
	}
	return hasPrefixSkippingDots(condition, indication)
}

// hasPrefixSkippingDots reports whether s starts with prefix when the dots
// of both are ignored ("L89.3" starts with "L89" and with "L893"), without
// building the dotless strings.
func hasPrefixSkippingDots(s, prefix string) bool {
	i := 0
	for j := 0; j < len(prefix); j++ {
		if prefix[j] == '.' {
			continue
		}
		for i < len(s) && s[i] == '.' {
			i++
		}
		if i == len(s) || s[i] != prefix[j] {
			return false
		}
		i++
	}
	return true
}

// isoCountries lists the officially assigned ISO 3166-1 alpha-2 codes,
// sorted, two letters each.
const isoCountries = "" +
	"ADAEAFAGAIALAMAOAQARASATAUAWAXAZ" +
	"BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ" +
	"CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ" +
	"DEDJDKDMDODZ" +
	"ECEEEGEHERESET" +
	"FIFJFKFMFOFR" +
	"GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY" +
	"HKHMHNHRHTHU" +
	"IDIEILIMINIOIQIRISIT" +
	"JEJMJOJP" +
	"KEKGKHKIKMKNKPKRKWKYKZ" +
	"LALBLCLILKLRLSLTLULVLY" +
	"MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ" +
	"NANCNENFNGNINLNONPNRNUNZ" +
	"OM" +
	"PAPEPFPGPHPKPLPMPNPRPSPTPWPY" +
	"QA" +
	"RERORSRURW" +
	"SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ" +
	"TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ" +
	"UAUGUMUSUYUZ" +
	"VAVCVEVGVIVNVU" +
	"WFWS" +
	"YEYT" +
	"ZAZMZW"

// checkCountry checks an ISO 3166-1 alpha-2 country code against the list
// of officially assigned codes.
func checkCountry(s string) error {
	if len(s) != 2 || !isUpper(s[0]) || !isUpper(s[1]) {
		return formError("study.country.form", s)
	}
	// The two letters compare as one number, in the same order as the
	// strings, without a call to compare strings at each step.
	want := uint16(s[0])<<8 | uint16(s[1])
	lo, hi := 0, len(isoCountries)/2
	for lo < hi {
		m := (lo + hi) / 2
		c := uint16(isoCountries[2*m])<<8 | uint16(isoCountries[2*m+1])
		switch {
		case c == want:
			return nil
		case c < want:
			lo = m + 1
		default:
			hi = m
		}
	}
	return formError("study.country.unassigned", s)
}

// identifierError is an identifier or code of the wrong form: text is
// the code of its message, whose arguments are the value as written
// (quoted) and more.
type identifierError struct {
	text    string
	value   string
	more    []message.Arg
	wrapped error
}

// formError returns the error with message text about value.
func formError(text, value string, more ...message.Arg) error {
	return &identifierError{text: text, value: value, more: more}
}

func (e *identifierError) Error() string { return e.Message().String() }

// Message is the error's text in any supported language.
func (e *identifierError) Message() message.Message {
	return message.New(e.text, append([]message.Arg{message.Text(strconv.Quote(e.value))}, e.more...)...)
}

func (e *identifierError) Unwrap() error { return e.wrapped }
