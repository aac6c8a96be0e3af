package regulation

import (
	"strconv"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// batchRules are the quality baseline's rules on the product's own
// batches. A batch that fails its release specification is not a fault
// of the dossier as a document (validation leaves it here), but the
// finding that matters: the rule names the test and what it found, and
// the rest of the dossier is still assessed.
func batchRules() []Rule {
	return []Rule{{
		RuleInfo: RuleInfo{ID: "QUALITY-BATCH-RELEASE", Jurisdiction: Baseline,
			Title:      "A batch is released only when every release result meets the specification",
			Citation:   citeBatchRelease,
			Provenance: ProvenanceInferred,
			Note: "That a lot whose result fails its own release specification (sterility positive, endotoxin above the limit) may not be released for use in people is our baseline, drawn from the release tests the quality rules cite. Each failing result is an error finding naming the test and the values compared; a result missing from a batch, or one the specification does not list, is a condition to show. Results are compared by secretome.ReleaseSpec.Conformance. The baseline rests on the product's own specification; the citation links the harmonised methods its results come from." +
				noDate("the baseline")},
		Check: checkBatchRelease,
	}}
}

// citeBatchRelease cites the release tests the baseline compares.
var citeBatchRelease = Citation{
	Instrument: "Release specification of the product, its results obtained with the harmonised pharmacopoeial tests (ICH Q4B Annex 8(R1) sterility, Annex 14 bacterial endotoxins)",
	Number:     "ICH Q4B",
	URL:        ichQuality,
	Secondary:  "the product's own release specification, which the dossier states",
	CheckedOn:  readSecond,
}

func checkBatchRelease(c *Context) {
	d := c.Dossier()
	p := &d.Product
	if len(p.Release.Tests) == 0 {
		return
	}
	for bi := range p.Batches {
		b := &p.Batches[bi]
		base := fieldpath.Join("product", "batches["+strconv.Itoa(bi)+"]")
		name := strconv.Itoa(bi)
		if b.ID != "" {
			name = b.ID
		}
		for _, dev := range p.Release.Conformance(b) {
			path := base
			if dev.Kind != secretome.DeviationMissing {
				path = fieldpath.Join(base, dev.Path)
			}
			args := []message.Arg{message.Text(name), message.Text(dev.Test), message.Text(dev.Message)}
			failed := dev.Kind == secretome.DeviationOutcome || dev.Kind == secretome.DeviationOutOfLimit
			reported := false
			for _, i := range c.Uses() {
				if c.use(i).Class == UseResearch {
					continue
				}
				reported = true
				if failed {
					c.ProhibitText(i, path, message.New("quality.batch.failed", args...))
				} else {
					c.ConditionText(i, message.New("quality.batch.incomplete.missing", message.Text(name)), path, message.New("quality.batch.result", args...))
				}
			}
			if !reported {
				sev := secretome.SeverityWarning
				if failed {
					sev = secretome.SeverityError
				}
				c.ReportText(sev, path, message.New("quality.batch.result", args...))
			}
		}
	}
}
