package evidence

import (
	"fmt"
	"math"

	"github.com/openregen/secretomekit/secretome"
)

// Subgroup is the pooled result of the studies of one level of a
// categorical variable.
type Subgroup struct {
	// Level is the subgroup's value of the grouping variable.
	Level string `json:"level"`
	// Model is the model without moderators fitted to the subgroup's
	// studies, with its own tau².
	Model *Model `json:"model"`
}

// Subgroups is a subgroup analysis: a separate model per subgroup and the
// test for subgroup differences.
type Subgroups struct {
	// Name is the grouping variable's name.
	Name string `json:"name"`
	// Groups holds the subgroups in sorted order of their levels.
	Groups []Subgroup `json:"groups"`
	// QM is the test for subgroup differences: Cochran's Q of the
	// subgroup estimates around their inverse-variance weighted mean,
	// with weights 1/SE², on QMDF = G − 1 degrees of freedom, and QMP its
	// chi-square p-value. It equals metafor's
	// rma(b, sei = se, mods = ~ group, method = "FE") on the subgroup
	// estimates (the test of Borenstein et al. with separate tau²).
	QM   float64 `json:"QM"`
	QMDF int     `json:"QMdf"`
	QMP  float64 `json:"QMp"`
}

// SubgroupAnalysis fits the model without moderators (method and options
// from opts) separately to the studies of each level of group, and tests
// whether the subgroup estimates differ. A subgroup may hold a single
// study (its tau² is then 0); Knapp-Hartung needs two studies in every
// subgroup. There must be at least two subgroups.
//
// For a mixed-effects model with one tau² shared by all subgroups, use
// Fit with group as a categorical Moderator: its QM is that model's test.
func SubgroupAnalysis(effects []Effect, group Moderator, opts FitOptions) (*Subgroups, error) {
	var ps secretome.Problems
	if group.Levels == nil {
		ps.Add("group", secretome.SeverityError, secretome.CodeRequired, "the grouping variable %q needs levels (a categorical moderator)", group.Name)
	} else if len(group.Levels) != len(effects) {
		ps.Add("group.levels", secretome.SeverityError, secretome.CodeInconsistent, "%d levels for %d effects", len(group.Levels), len(effects))
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	levels := sortedLevels(group.Levels)
	if len(levels) < 2 {
		ps.Add("group", secretome.SeverityError, secretome.CodeRange, "a subgroup analysis needs at least two subgroups, %q has %d", group.Name, len(levels))
		return nil, ps.Err()
	}
	out := &Subgroups{Name: group.Name, QMDF: len(levels) - 1}
	var sw, swy float64
	for _, l := range levels {
		var sub []Effect
		for i, e := range effects {
			if group.Levels[i] == l {
				sub = append(sub, e)
			}
		}
		o := opts
		o.NoIntercept = false
		m, err := Fit(sub, nil, o)
		if err != nil {
			return nil, fmt.Errorf("evidence: subgroup %s = %q: %w", group.Name, l, err)
		}
		out.Groups = append(out.Groups, Subgroup{Level: l, Model: m})
		c := m.Estimate()
		w := 1 / (c.SE * c.SE)
		sw += w
		swy += w * c.Estimate
	}
	mean := swy / sw
	for _, g := range out.Groups {
		c := g.Model.Estimate()
		out.QM += (c.Estimate - mean) * (c.Estimate - mean) / (c.SE * c.SE)
	}
	out.QMP = chi2Upper(out.QM, float64(out.QMDF))
	if !allFinite(out.QM, out.QMP) || math.IsNaN(mean) {
		ps.Add("effects", secretome.SeverityError, secretome.CodeNumber, "subgroup estimates too extreme to compare in float64")
		return nil, ps.Err()
	}
	return out, nil
}
