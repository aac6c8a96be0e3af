package regulation

import (
	"context"
	"fmt"
	"testing"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// certaintyOf assesses the dossier with a host rule that reads the
// certainty of claim 0 through the Context.
func certaintyOf(t *testing.T, d *Dossier) evidence.Certainty {
	t.Helper()
	var got evidence.Certainty
	set, err := NewRuleSet(hostRule("H-GRADE", "ID", func(c *Context) { got, _ = c.ClaimCertainty(0) }))
	require.NoError(t, err)
	a, err := NewAssessor(set, Options{AsOf: secretome.MustParseDate("2026-11-26")})
	require.NoError(t, err)
	_, err = a.Assess(context.Background(), d)
	require.NoError(t, err)
	return got
}

// TestClaimCertaintyShortcut checks the shortcut ClaimCertainty takes for
// bodies of uncontrolled and laboratory studies against evidence.Grade
// itself, for every mix of up to three such studies.
func TestClaimCertaintyShortcut(t *testing.T) {
	designs := []evidence.Design{evidence.DesignCaseReport, evidence.DesignCaseSeries, evidence.DesignInVitro, evidence.DesignAnimal}
	var bodies [][]evidence.Design
	for _, a := range designs {
		bodies = append(bodies, []evidence.Design{a})
		for _, b := range designs {
			bodies = append(bodies, []evidence.Design{a, b})
			for _, c := range designs {
				bodies = append(bodies, []evidence.Design{a, b, c})
			}
		}
	}
	for _, body := range bodies {
		t.Run(fmt.Sprint(body), func(t *testing.T) {
			d := seed(t)
			d.Claims = d.Claims[:1]
			d.Claims[0].Studies = nil
			for i, design := range body {
				s := d.Studies[i]
				s.Design = design
				switch design {
				case evidence.DesignCaseSeries:
					s.Population.Size = ptr(14)
				case evidence.DesignInVitro, evidence.DesignAnimal:
					s.Population = evidence.Population{}
				}
				d.Studies[i] = s
				d.Claims[0].Studies = append(d.Claims[0].Studies, s.ID)
			}
			assert.Equal(t, gradeClaim(d, &d.Claims[0], indexStudies(d, nil)), certaintyOf(t, d), "the shortcut agrees with evidence.Grade")
		})
	}
}

func TestClaimCertaintyGradesComparativeEvidence(t *testing.T) {
	d := seed(t)
	withRCTs(d)
	d.Claims[0].Studies = []string{"rct-1", "rct-2"}
	got := certaintyOf(t, d)
	assert.Equal(t, gradeClaim(d, &d.Claims[0], indexStudies(d, nil)), got)
	assert.Greater(t, got, evidence.CertaintyVeryLow, "two large low-risk randomised trials are more than very low")

	d.Claims[0].Studies = nil
	assert.Equal(t, evidence.CertaintyNotGraded, certaintyOf(t, d), "a claim citing nothing has nothing to grade")
}
