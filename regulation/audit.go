package regulation

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime/debug"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// ModulePath is the module path of this library.
const ModulePath = "github.com/openregen/secretomekit"

// Audit is what a decision needs to be reproduced later: the library
// version, the as-of day, every rule applied with its revision, the
// other inputs that shaped the result (policy files, a waivers file), and
// one digest over all of them. Two runs with equal digests applied the
// same rules, in the same versions, with the same waivers, on the same
// day.
type Audit struct {
	// Library is the version of this module the program was built with
	// ("v1.2.3", a pseudo-version, or "devel" for a build from a working
	// tree).
	Library string `json:"library"`
	// AsOf is the day the rules were evaluated for.
	AsOf secretome.Date `json:"as_of"`
	// Digest is "sha256:" and the hex SHA-256 of the library version, the
	// as-of day, the rules (ID and revision, in order) and the inputs
	// (kind, name and digest, in the order given).
	Digest string `json:"digest"`
	// Inputs lists the files besides the library that shaped the result.
	Inputs []AuditInput `json:"inputs,omitempty"`
	// Rules lists the rules in force that were applied, sorted by
	// jurisdiction, then ID.
	Rules []RuleRevision `json:"rules"`
}

// AuditInput is a file that shaped an assessment, such as a policy file
// or a waivers file.
type AuditInput struct {
	// Kind says what the file is, such as "policy" or "waivers".
	Kind string `json:"kind"`
	// Name is the file's name as given.
	Name string `json:"name"`
	// Digest is "sha256:" and the hex SHA-256 of the file's content
	// (see DigestOf).
	Digest string `json:"digest"`
}

// RuleRevision names a rule and its revision.
type RuleRevision struct {
	// ID is the rule's ID.
	ID string `json:"id"`
	// Revision is the rule's RuleInfo.Revision.
	Revision string `json:"revision"`
}

// DigestOf returns "sha256:" and the hex SHA-256 of data.
func DigestOf(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// LibraryVersion returns the version of this module the running program
// was built with, as the Go toolchain records it: "v1.2.3", a
// pseudo-version, or "devel" when it was built from a working tree or
// the version is not recorded.
func LibraryVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := ""
	if info.Main.Path == ModulePath {
		v = info.Main.Version
	}
	for _, dep := range info.Deps {
		if dep.Path == ModulePath {
			v = dep.Version
			if dep.Replace != nil {
				v = dep.Replace.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		return "devel"
	}
	return v
}

// Audit returns the audit record of the assessor: the library version,
// its as-of day and the rules it applies, and the inputs given, with the
// digest over all of them.
func (a *Assessor) Audit(inputs ...AuditInput) Audit {
	au := Audit{Library: LibraryVersion(), AsOf: a.AsOf(), Rules: []RuleRevision{}}
	if len(inputs) > 0 {
		au.Inputs = append([]AuditInput(nil), inputs...)
	}
	h := sha256.New()
	line := func(fields ...string) {
		h.Write([]byte(strings.Join(fields, "\t")))
		h.Write([]byte{'\n'})
	}
	line("library", au.Library)
	line("as_of", au.AsOf.String())
	if a != nil {
		for _, j := range a.juris {
			for _, r := range j.rules {
				au.Rules = append(au.Rules, RuleRevision{ID: r.ID, Revision: r.Revision})
				line("rule", r.ID, r.Revision)
			}
		}
	}
	for _, in := range au.Inputs {
		line("input", in.Kind, in.Name, in.Digest)
	}
	au.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return au
}

// metadataRevision is the revision of a rule that has none: the digest
// of its metadata, shortened to 16 hex digits.
func metadataRevision(ri *RuleInfo) string {
	b, err := json.Marshal(ri)
	if err != nil {
		// RuleInfo holds only strings and dates, which always marshal.
		panic("regulation: " + err.Error())
	}
	return DigestOf(b)[:len("sha256:")+16]
}
