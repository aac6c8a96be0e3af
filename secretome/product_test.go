package secretome_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/openregen/secretomekit/secretome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func loadGel(t testing.TB) *secretome.Product {
	t.Helper()
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	p, err := secretome.DecodeProduct(data)
	require.NoError(t, err)
	return p
}

func TestWoundGelIsValid(t *testing.T) {
	p := loadGel(t)
	for _, pr := range p.Check() {
		assert.NotEqual(t, secretome.SeverityError, pr.Severity, pr.Error())
	}
	assert.Equal(t, "1250.5 pg/mL", p.Composition.Analytes[0].Quantity.String(), "decimals keep every digit")
	assert.Equal(t, "3.40 ng/mL", p.Composition.Analytes[1].Quantity.String(), "trailing zeros are kept")
	require.NotNil(t, p.Source.Passage)
	assert.Equal(t, 4, *p.Source.Passage)
}

func TestJSONRoundTripIsStable(t *testing.T) {
	p := loadGel(t)
	first, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	q, err := secretome.DecodeProduct(first)
	require.NoError(t, err, "the marshalled product decodes strictly")
	second, err := json.MarshalIndent(q, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(first), string(second), "marshal → decode → marshal is byte-stable")
	assert.True(t, p.Price.Amount.Equal(q.Price.Amount))
	assert.Equal(t, p.Composition.Analytes[1].Quantity.Value.String(), q.Composition.Analytes[1].Quantity.Value.String())
}

// The product written back as JSON says what the document said, field by
// field and digit by digit: nothing is dropped, defaulted or rounded.
func TestJSONRoundTripKeepsTheDocument(t *testing.T) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	out, err := json.Marshal(loadGel(t))
	require.NoError(t, err)
	generic := func(b []byte) any {
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber() // numbers compare by their digits
		var v any
		require.NoError(t, d.Decode(&v))
		return v
	}
	assert.Equal(t, generic(data), generic(out))
	assert.Contains(t, string(out), `"label":"supports the healing of pressure ulcers"`)
	assert.Contains(t, string(out), `"value":"3.40"`, "trailing zeros survive")
}

// mutate returns a fresh valid product changed by f.
func mutate(t *testing.T, f func(p *secretome.Product)) *secretome.Product {
	p := loadGel(t)
	f(p)
	return p
}

func q(s string) secretome.Quantity { return secretome.MustParseQuantity(s) }

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name     string
		change   func(p *secretome.Product)
		path     string
		code     secretome.Code
		severity secretome.Severity
	}{
		{"id is required", func(p *secretome.Product) { p.ID = "" }, "id", secretome.CodeRequired, secretome.SeverityError},
		{"name is required", func(p *secretome.Product) { p.Name = "" }, "name", secretome.CodeRequired, secretome.SeverityError},
		{"cell type is required", func(p *secretome.Product) { p.Source.CellType = 0 }, "source.cell_type", secretome.CodeRequired, secretome.SeverityError},
		{"tissue is required", func(p *secretome.Product) { p.Source.Tissue = 0 }, "source.tissue", secretome.CodeRequired, secretome.SeverityError},
		{"species is required", func(p *secretome.Product) { p.Source.Species = 0 }, "source.species", secretome.CodeRequired, secretome.SeverityError},
		{"donor type is required", func(p *secretome.Product) { p.Source.Donor.Type = 0 }, "source.donor.type", secretome.CodeRequired, secretome.SeverityError},
		{"allogeneic donor without eligibility is a warning", func(p *secretome.Product) { p.Source.Donor.Eligibility = nil },
			"source.donor.eligibility", secretome.CodeDonorEligibility, secretome.SeverityWarning},
		{"an empty donor test entry", func(p *secretome.Product) {
			p.Source.Donor.Eligibility.Tests = append(p.Source.Donor.Eligibility.Tests, " ")
		}, "source.donor.eligibility.tests[6]", secretome.CodeRequired, secretome.SeverityError},
		{"an empty EV marker entry", func(p *secretome.Product) {
			p.Composition.Vesicles = &secretome.Vesicles{PositiveMarkers: []string{"CD63", ""}, NegativeMarkers: []string{""}}
		}, "composition.vesicles.positive_markers[1]", secretome.CodeRequired, secretome.SeverityError},
		{"negative passage", func(p *secretome.Product) { n := -1; p.Source.Passage = &n }, "source.passage", secretome.CodeRange, secretome.SeverityError},
		{"embryonic cells need embryonic tissue", func(p *secretome.Product) { p.Source.CellType = secretome.CellTypeESC },
			"source.tissue", secretome.CodeInconsistent, secretome.SeverityError},
		{"supplement is required", func(p *secretome.Product) { p.Source.Culture.Supplement = 0 }, "source.culture.supplement", secretome.CodeRequired, secretome.SeverityError},
		{"oxygen must be a percentage", func(p *secretome.Product) { p.Source.Culture.Oxygen = q("2 mL") },
			"source.culture.oxygen.unit", secretome.CodeUnit, secretome.SeverityError},
		{"oxygen above 100 %", func(p *secretome.Product) { p.Source.Culture.Oxygen = q("120 %") },
			"source.culture.oxygen", secretome.CodeRange, secretome.SeverityError},
		{"conditioning time must be a duration", func(p *secretome.Product) { p.Source.Culture.ConditioningTime = q("48 mL") },
			"source.culture.conditioning_time.unit", secretome.CodeUnit, secretome.SeverityError},
		{"marker percentage above 100", func(p *secretome.Product) {
			p.Source.Identity.Markers[0].PercentPositive = decimal.NewNullDecimal(decimal.NewFromInt(101))
		}, "source.identity.markers[0].percent_positive", secretome.CodeRange, secretome.SeverityError},
		{"marker listed twice", func(p *secretome.Product) { p.Source.Identity.Markers[1].Name = "cd-73" },
			"source.identity.markers[1].name", secretome.CodeDuplicate, secretome.SeverityError},
		{"ISCT positive marker below 95 %", func(p *secretome.Product) {
			p.Source.Identity.Markers[2].PercentPositive = decimal.NewNullDecimal(decimal.RequireFromString("94.9"))
		}, "source.identity", secretome.CodeISCTNotMet, secretome.SeverityWarning},
		{"ISCT data missing", func(p *secretome.Product) { p.Source.Identity = nil }, "source.identity", secretome.CodeISCTNotReported, secretome.SeverityInfo},
		{"derivative type is required", func(p *secretome.Product) { p.Derivative.Type = 0 }, "derivative.type", secretome.CodeRequired, secretome.SeverityError},
		{"filtration needs a pore size", func(p *secretome.Product) { p.Derivative.Processing[1].PoreSize = secretome.Quantity{} },
			"derivative.processing[1].pore_size", secretome.CodeRequired, secretome.SeverityError},
		{"pore size must be a length", func(p *secretome.Product) { p.Derivative.Processing[1].PoreSize = q("0.22 mL") },
			"derivative.processing[1].pore_size.unit", secretome.CodeUnit, secretome.SeverityError},
		{"TFF needs a cut-off", func(p *secretome.Product) { p.Derivative.Processing[2].CutoffKDa = decimal.NullDecimal{} },
			"derivative.processing[2].cutoff_kda", secretome.CodeRequired, secretome.SeverityError},
		{"centrifugal force must be positive", func(p *secretome.Product) {
			p.Derivative.Processing[0].ForceG = decimal.NewNullDecimal(decimal.Zero)
		}, "derivative.processing[0].force_g", secretome.CodeRange, secretome.SeverityError},
		{"analyte unit must fit the analyte", func(p *secretome.Product) { p.Composition.Analytes[2].Quantity = q("820 particles/mL") },
			"composition.analytes[2].quantity.unit", secretome.CodeUnit, secretome.SeverityError},
		{"analyte listed under an alias twice", func(p *secretome.Product) { p.Composition.Analytes[4].Name = "FGF-2" },
			"composition.analytes[4].name", secretome.CodeDuplicate, secretome.SeverityError},
		{"analyte amount is required", func(p *secretome.Product) { p.Composition.Analytes[0].Quantity = secretome.Quantity{} },
			"composition.analytes[0].quantity", secretome.CodeRequired, secretome.SeverityError},
		{"negative analyte amount", func(p *secretome.Product) { p.Composition.Analytes[0].Quantity = q("-1 pg/mL") },
			"composition.analytes[0].quantity", secretome.CodeRange, secretome.SeverityError},
		{"a catalogued analyte still needs a unit", func(p *secretome.Product) {
			p.Composition.Analytes[0].Quantity = secretome.Quantity{Value: decimal.NewFromInt(5)}
		}, "composition.analytes[0].quantity.unit", secretome.CodeUnit, secretome.SeverityError},
		{"an amount beyond the quantity bounds", func(p *secretome.Product) {
			p.Composition.Analytes[0].Quantity = secretome.NewQuantity(decimal.New(1, 1000), secretome.UnitPgPerML)
		}, "composition.analytes[0].quantity.value", secretome.CodeNumber, secretome.SeverityError},
		{"a limit beyond the quantity bounds", func(p *secretome.Product) {
			p.Release.Tests[1].Limit.Max = secretome.NewQuantity(decimal.New(5, -100), secretome.UnitEUPerML)
		}, "release.tests[1].limit.max.value", secretome.CodeNumber, secretome.SeverityError},
		{"unknown analyte is a note", func(p *secretome.Product) { p.Composition.Analytes[0].Name = "galectin-1" },
			"composition.analytes[0].name", secretome.CodeUnknownAnalyte, secretome.SeverityInfo},
		{"total protein must be a mass concentration", func(p *secretome.Product) { p.Composition.TotalProtein = q("1.85 mg") },
			"composition.total_protein.unit", secretome.CodeUnit, secretome.SeverityError},
		{"EV product without characterisation", func(p *secretome.Product) { p.Derivative.Type = secretome.DerivativePurifiedEVs },
			"composition", secretome.CodeEVIncomplete, secretome.SeverityWarning},
		{"particle concentration unit", func(p *secretome.Product) {
			p.Composition.Vesicles = &secretome.Vesicles{ParticleConcentration: q("1e9 cells/mL")}
		}, "composition.vesicles.particle_concentration.unit", secretome.CodeUnit, secretome.SeverityError},
		{"dosage form is required", func(p *secretome.Product) { p.Formulation.DosageForm = 0 }, "formulation.dosage_form", secretome.CodeRequired, secretome.SeverityError},
		{"routes are required", func(p *secretome.Product) { p.Formulation.Routes = nil }, "formulation.routes", secretome.CodeRequired, secretome.SeverityError},
		{"route listed twice", func(p *secretome.Product) {
			p.Formulation.Routes = []secretome.Route{secretome.RouteTopical, secretome.RouteTopical}
		}, "formulation.routes[1]", secretome.CodeDuplicate, secretome.SeverityError},
		{"injection needs a parenteral route", func(p *secretome.Product) { p.Formulation.DosageForm = secretome.DosageFormSolutionForInjection },
			"formulation.routes", secretome.CodeInconsistent, secretome.SeverityError},
		{"strength basis must be a volume or mass", func(p *secretome.Product) { p.Formulation.Strength.Per = q("1 h") },
			"formulation.strength.per.unit", secretome.CodeUnit, secretome.SeverityError},
		{"fill volume must be positive", func(p *secretome.Product) { p.Formulation.FillVolume = q("0 g") },
			"formulation.fill_volume", secretome.CodeRange, secretome.SeverityError},
		{"indication id is required", func(p *secretome.Product) { p.Indications[0].ID = "" }, "indications[0].id", secretome.CodeRequired, secretome.SeverityError},
		{"indication ids are unique", func(p *secretome.Product) { p.Indications[1].ID = "pressure-ulcer" },
			"indications[1].id", secretome.CodeDuplicate, secretome.SeverityError},
		{"ICD-10 format", func(p *secretome.Product) { p.Indications[0].ICD10 = "L8" }, "indications[0].icd10", secretome.CodeFormat, secretome.SeverityError},
		{"ICD-11 format", func(p *secretome.Product) { p.Indications[2].ICD11 = "EI40.0" }, "indications[2].icd11", secretome.CodeFormat, secretome.SeverityError},
		{"therapeutic indication without a code", func(p *secretome.Product) { p.Indications[1].ICD10 = "" },
			"indications[1]", secretome.CodeRequired, secretome.SeverityWarning},
		{"intent is required", func(p *secretome.Product) { p.Indications[0].Intent = 0 }, "indications[0].intent", secretome.CodeRequired, secretome.SeverityError},
		{"no release specification", func(p *secretome.Product) { p.Release.Tests = nil; p.Batches = nil },
			"release.tests", secretome.CodeRequired, secretome.SeverityWarning},
		{"endotoxin limit must be in EU", func(p *secretome.Product) { p.Release.Tests[1].Limit.Max = q("0.5 ng/mL") },
			"release.tests[1].limit.max.unit", secretome.CodeUnit, secretome.SeverityError},
		{"limit needs a bound or an outcome", func(p *secretome.Product) { p.Release.Tests[3].Limit = secretome.Limit{} },
			"release.tests[3].limit", secretome.CodeRequired, secretome.SeverityError},
		{"sterility takes an outcome, not a number", func(p *secretome.Product) {
			p.Release.Tests[0].Limit = secretome.Limit{Max: q("0 cells/mL")}
		}, "release.tests[0].limit", secretome.CodeInconsistent, secretome.SeverityError},
		{"min above max", func(p *secretome.Product) { p.Release.Tests[4].Limit.Min = q("3 mg/mL") },
			"release.tests[4].limit", secretome.CodeRange, secretome.SeverityError},
		{"test specified twice", func(p *secretome.Product) { p.Release.Tests[2].Kind = secretome.TestSterility },
			"release.tests[2]", secretome.CodeDuplicate, secretome.SeverityError},
		{"custom test needs a name", func(p *secretome.Product) {
			p.Release.Tests = append(p.Release.Tests, secretome.ReleaseTest{Kind: secretome.TestCustom, Limit: secretome.Limit{Expect: secretome.OutcomeConforms}})
		}, "release.tests[7].name", secretome.CodeRequired, secretome.SeverityError},
		{"custom tests whose names differ only in case are one test, as results find them", func(p *secretome.Product) {
			limit := secretome.Limit{Expect: secretome.OutcomeConforms}
			p.Release.Tests = append(p.Release.Tests,
				secretome.ReleaseTest{Kind: secretome.TestCustom, Name: "Potency A", Limit: limit},
				secretome.ReleaseTest{Kind: secretome.TestCustom, Name: "POTENCY A", Limit: limit})
		}, "release.tests[8]", secretome.CodeDuplicate, secretome.SeverityError},
		{"a manufacture date that does not exist", func(p *secretome.Product) {
			p.Batches[0].Manufactured = secretome.Date{Year: 2025, Month: 2, Day: 30}
		}, "batches[0].manufactured", secretome.CodeFormat, secretome.SeverityError},
		{"batch out of limit", func(p *secretome.Product) { p.Batches[0].Results[1].Value = q("0.75 EU/mL") },
			"batches[0].results[1]", secretome.CodeBatchDeviation, secretome.SeverityError},
		{"batch limit compared across units", func(p *secretome.Product) { p.Batches[0].Results[4].Value = q("2600 µg/mL") },
			"batches[0].results[4]", secretome.CodeBatchDeviation, secretome.SeverityError},
		{"batch outcome differs", func(p *secretome.Product) { p.Batches[0].Results[0].Outcome = secretome.OutcomePositive },
			"batches[0].results[0]", secretome.CodeBatchDeviation, secretome.SeverityError},
		{"a result given twice for one test", func(p *secretome.Product) {
			p.Batches[0].Results = append(p.Batches[0].Results, p.Batches[0].Results[1])
		}, "batches[0].results[7]", secretome.CodeDuplicate, secretome.SeverityError},
		{"a failing repeat result is not hidden by a passing first one", func(p *secretome.Product) {
			p.Batches[0].Results = append(p.Batches[0].Results, secretome.TestResult{Kind: secretome.TestEndotoxin, Value: q("0.9 EU/mL")})
		}, "batches[0].results[7]", secretome.CodeBatchDeviation, secretome.SeverityError},
		{"batch result missing", func(p *secretome.Product) { p.Batches[0].Results = p.Batches[0].Results[1:] },
			"batches[0]", secretome.CodeBatchDeviation, secretome.SeverityError},
		{"batch expiry before manufacture", func(p *secretome.Product) { p.Batches[0].Expiry = secretome.MustParseDate("2026-01-01") },
			"batches[0].expiry", secretome.CodeRange, secretome.SeverityError},
		{"storage must be a temperature", func(p *secretome.Product) { p.Storage.Max = q("8 mL") },
			"storage.max.unit", secretome.CodeUnit, secretome.SeverityError},
		{"storage min above max", func(p *secretome.Product) { p.Storage.Min = q("25 °C") }, "storage", secretome.CodeRange, secretome.SeverityError},
		{"shelf life must be a duration", func(p *secretome.Product) { p.ShelfLife = q("6 g") }, "shelf_life.unit", secretome.CodeUnit, secretome.SeverityError},
		{"price must be positive", func(p *secretome.Product) { p.Price.Amount = decimal.Zero }, "price.amount", secretome.CodeRange, secretome.SeverityError},
		{"currency code format", func(p *secretome.Product) { p.Price.Currency = "rupiah" }, "price.currency", secretome.CodeFormat, secretome.SeverityError},
		{"iPSC-derived cells need tissue ipsc_derived", func(p *secretome.Product) { p.Source.CellType = secretome.CellTypeIPSC },
			"source.tissue", secretome.CodeInconsistent, secretome.SeverityError},
		{"passage above the plausible bound", func(p *secretome.Product) { n := 101; p.Source.Passage = &n }, "source.passage", secretome.CodeRange, secretome.SeverityError},
		{"an empty preconditioning entry", func(p *secretome.Product) {
			p.Source.Culture.Preconditioning = append(p.Source.Culture.Preconditioning, secretome.PreconditioningUnspecified)
		}, "source.culture.preconditioning[1]", secretome.CodeRequired, secretome.SeverityError},
		{"conditioning time must be positive", func(p *secretome.Product) { p.Source.Culture.ConditioningTime = q("0 h") },
			"source.culture.conditioning_time", secretome.CodeRange, secretome.SeverityError},
		{"marker name is required", func(p *secretome.Product) { p.Source.Identity.Markers[0].Name = "" },
			"source.identity.markers[0].name", secretome.CodeRequired, secretome.SeverityError},
		{"marker percentage is required", func(p *secretome.Product) { p.Source.Identity.Markers[0].PercentPositive = decimal.NullDecimal{} },
			"source.identity.markers[0].percent_positive", secretome.CodeRequired, secretome.SeverityError},
		{"negative marker percentage", func(p *secretome.Product) {
			p.Source.Identity.Markers[3].PercentPositive = decimal.NewNullDecimal(decimal.NewFromInt(-1))
		}, "source.identity.markers[3].percent_positive", secretome.CodeRange, secretome.SeverityError},
		{"processing step kind is required", func(p *secretome.Product) { p.Derivative.Processing[0].Step = 0 },
			"derivative.processing[0].step", secretome.CodeRequired, secretome.SeverityError},
		{"pore size must be positive", func(p *secretome.Product) { p.Derivative.Processing[1].PoreSize = q("0 µm") },
			"derivative.processing[1].pore_size", secretome.CodeRange, secretome.SeverityError},
		{"cut-off must be positive", func(p *secretome.Product) {
			p.Derivative.Processing[2].CutoffKDa = decimal.NewNullDecimal(decimal.NewFromInt(-3))
		}, "derivative.processing[2].cutoff_kda", secretome.CodeRange, secretome.SeverityError},
		{"step duration must be a duration", func(p *secretome.Product) { p.Derivative.Processing[0].Duration = q("10 mL") },
			"derivative.processing[0].duration.unit", secretome.CodeUnit, secretome.SeverityError},
		{"analyte name is required", func(p *secretome.Product) { p.Composition.Analytes[6].Name = "" },
			"composition.analytes[6].name", secretome.CodeRequired, secretome.SeverityError},
		{"EV size must be a length", func(p *secretome.Product) { p.Composition.Vesicles = &secretome.Vesicles{SizeMode: q("112 mL")} },
			"composition.vesicles.size_mode.unit", secretome.CodeUnit, secretome.SeverityError},
		{"EV mean size must be positive", func(p *secretome.Product) { p.Composition.Vesicles = &secretome.Vesicles{SizeMean: q("0 nm")} },
			"composition.vesicles.size_mean", secretome.CodeRange, secretome.SeverityError},
		{"EV source amount is cells or a volume", func(p *secretome.Product) {
			p.Composition.Vesicles = &secretome.Vesicles{SourceAmount: q("3 mg")}
		}, "composition.vesicles.source_amount.unit", secretome.CodeUnit, secretome.SeverityError},
		{"an empty imaging entry", func(p *secretome.Product) {
			p.Composition.Vesicles = &secretome.Vesicles{Imaging: []secretome.ImagingMethod{secretome.ImagingTEM, 0}}
		}, "composition.vesicles.imaging[1]", secretome.CodeRequired, secretome.SeverityError},
		{"an empty route", func(p *secretome.Product) { p.Formulation.Routes = append(p.Formulation.Routes, 0) },
			"formulation.routes[1]", secretome.CodeRequired, secretome.SeverityError},
		{"excipient name is required", func(p *secretome.Product) { p.Formulation.Excipients[2].Name = "" },
			"formulation.excipients[2].name", secretome.CodeRequired, secretome.SeverityError},
		{"negative excipient amount", func(p *secretome.Product) { p.Formulation.Excipients[0].Quantity = q("-1 %") },
			"formulation.excipients[0].quantity", secretome.CodeRange, secretome.SeverityError},
		{"an excipient share above 100 %", func(p *secretome.Product) { p.Formulation.Excipients[1].Quantity = q("100.5 %") },
			"formulation.excipients[1].quantity", secretome.CodeRange, secretome.SeverityError},
		{"a strength share above 100 %", func(p *secretome.Product) {
			p.Formulation.Strength = &secretome.Strength{Amount: q("150 %"), Per: q("1 g")}
		}, "formulation.strength.amount", secretome.CodeRange, secretome.SeverityError},
		{"an uncatalogued analyte's share above 100 %", func(p *secretome.Product) {
			p.Composition.Analytes = append(p.Composition.Analytes, secretome.Analyte{Name: "hyaluronan", Quantity: q("101 %")})
		}, "composition.analytes[7].quantity", secretome.CodeRange, secretome.SeverityError},
		{"strength needs an amount", func(p *secretome.Product) { p.Formulation.Strength.Amount = secretome.Quantity{} },
			"formulation.strength.amount", secretome.CodeRequired, secretome.SeverityError},
		{"strength needs a basis", func(p *secretome.Product) { p.Formulation.Strength.Per = secretome.Quantity{} },
			"formulation.strength.per", secretome.CodeRequired, secretome.SeverityError},
		{"indication condition is required", func(p *secretome.Product) { p.Indications[1].Condition = "" },
			"indications[1].condition", secretome.CodeRequired, secretome.SeverityError},
		{"release test kind is required", func(p *secretome.Product) { p.Release.Tests[6].Kind = 0 },
			"release.tests[6].kind", secretome.CodeRequired, secretome.SeverityError},
		{"a limit is numeric or an outcome, not both", func(p *secretome.Product) {
			p.Release.Tests[5].Limit.Expect = secretome.OutcomeConforms
		}, "release.tests[5].limit", secretome.CodeInconsistent, secretome.SeverityError},
		{"min and max in different dimensions", func(p *secretome.Product) { p.Release.Tests[4].Limit.Min = q("1 %") },
			"release.tests[4].limit", secretome.CodeUnit, secretome.SeverityError},
		{"batch id is required", func(p *secretome.Product) { p.Batches[0].ID = "" }, "batches[0].id", secretome.CodeRequired, secretome.SeverityError},
		{"batch ids are unique", func(p *secretome.Product) { p.Batches = append(p.Batches, p.Batches[0]) },
			"batches[1].id", secretome.CodeDuplicate, secretome.SeverityError},
		{"result kind is required", func(p *secretome.Product) { p.Batches[0].Results[6].Kind = 0 },
			"batches[0].results[6].kind", secretome.CodeRequired, secretome.SeverityError},
		{"a result needs a value or an outcome", func(p *secretome.Product) { p.Batches[0].Results[6].Value = secretome.Quantity{} },
			"batches[0].results[6]", secretome.CodeRequired, secretome.SeverityError},
		{"storage needs a bound", func(p *secretome.Product) { p.Storage = &secretome.Storage{Conditions: "cool"} },
			"storage", secretome.CodeRequired, secretome.SeverityError},
		{"shelf life must be positive", func(p *secretome.Product) { p.ShelfLife = q("0 month") }, "shelf_life", secretome.CodeRange, secretome.SeverityError},
		{"price needs what it is for", func(p *secretome.Product) { p.Price.Per = "" }, "price.per", secretome.CodeRequired, secretome.SeverityError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, pr := range loadGel(t).Check() {
				assert.False(t, pr.Path == tt.path && pr.Code == tt.code,
					"the valid product must not have the problem before the change: %v", pr)
			}
			p := mutate(t, tt.change)
			var found bool
			for _, pr := range p.Check() {
				if pr.Path == tt.path && pr.Code == tt.code {
					found = true
					assert.Equal(t, tt.severity, pr.Severity, pr.Error())
				}
			}
			assert.True(t, found, "want %s at %q; got:\n%v", tt.code, tt.path, p.Check())
			err := p.Validate()
			if tt.severity == secretome.SeverityError {
				var ve *secretome.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Positive(t, ve.Count(secretome.SeverityError))
			} else {
				assert.NoError(t, err, "warnings and notes alone do not fail validation")
			}
		})
	}
}

func TestValidationErrorWalks(t *testing.T) {
	p := mutate(t, func(p *secretome.Product) { p.ID = ""; p.Formulation.Routes = nil })
	err := p.Validate()
	var pr *secretome.Problem
	require.ErrorAs(t, err, &pr, "each problem is reachable with errors.As")
	assert.Equal(t, "formulation.routes", pr.Path, "problems are sorted by path; the first is reached first")
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	assert.Len(t, ve.At("id"), 1)
	assert.Contains(t, err.Error(), "id: id is required [required]")
	assert.Contains(t, err.Error(), "formulation.routes: routes is required [required]")
	assert.Equal(t, err.Error(), ve.In(language.English), "In(English) is Error")
	assert.Contains(t, ve.In(language.Indonesian), "2 kesalahan\n\tformulation.routes: routes wajib diisi [required]")
}

func TestDecodeProductErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	tests := []struct {
		name     string
		edit     func(s string) string
		wantPath string
		wantCode secretome.Code
	}{
		{"unknown field", func(s string) string { return strings.Replace(s, `"maker"`, `"makr"`, 1) }, "makr", secretome.CodeUnknownField},
		{"unknown enum spelling", func(s string) string { return strings.Replace(s, `"umbilical_cord"`, `"cord"`, 1) }, "source.tissue", secretome.CodeEnum},
		{"unknown unit in a quantity", func(s string) string { return strings.Replace(s, `"unit": "ng/mL"}`, `"unit": "ng/dL"}`, 1) },
			"composition.analytes[1].quantity.unit", secretome.CodeEnum},
		{"malformed number in a quantity", func(s string) string { return strings.Replace(s, `"1250.5"`, `"1250.5.1"`, 1) },
			"composition.analytes[0].quantity.value", secretome.CodeNumber},
		{"malformed plain decimal", func(s string) string { return strings.Replace(s, `"amount": "1250000"`, `"amount": "1.250.000"`, 1) },
			"price.amount", secretome.CodeNumber},
		{"passage must be whole", func(s string) string { return strings.Replace(s, `"passage": 4`, `"passage": 4.5`, 1) }, "source.passage", secretome.CodeNumber},
		{"malformed date", func(s string) string { return strings.Replace(s, `"2026-08-03"`, `"2026-02-30"`, 1) }, "batches[0].manufactured", secretome.CodeFormat},
		{"trailing data", func(s string) string { return s + "{}" }, "", secretome.CodeTrailing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := secretome.DecodeProduct([]byte(tt.edit(string(data))))
			assert.Nil(t, p)
			ve, ok := secretome.AsValidationError(err)
			require.True(t, ok, "error %v", err)
			var codes []string
			for _, pr := range ve.Problems {
				codes = append(codes, pr.Path+" "+string(pr.Code))
			}
			assert.Contains(t, codes, tt.wantPath+" "+string(tt.wantCode))
			assert.Positive(t, ve.Problems[0].Line, "decode problems carry a line")
		})
	}
}

// Validation problems found by DecodeProduct point into the document too,
// as decoding problems do.
func TestDecodeProductLocatesValidationProblems(t *testing.T) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	doc := strings.Replace(string(data), `"passage": 4`, `"passage": 400`, 1)
	line := 1 + strings.Count(doc[:strings.Index(doc, `"passage": 400`)], "\n")
	p, err := secretome.DecodeProduct([]byte(doc))
	require.NotNil(t, p, "a product that only fails validation is returned")
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	got := ve.At("source.passage")
	require.Len(t, got, 1)
	assert.Equal(t, line, got[0].Line, "the line of the passage")
	assert.Equal(t, strings.Index(strings.Split(doc, "\n")[line-1], "400")+1, got[0].Column, "the column of its value")
}

func TestDecodeProductNeverPanicsOnTruncation(t *testing.T) {
	data, err := os.ReadFile("testdata/wound_gel.json")
	require.NoError(t, err)
	for i := 0; i < len(data); i += 7 {
		_, err := secretome.DecodeProduct(data[:i])
		require.Error(t, err, "a truncated document at %d bytes must not pass", i)
	}
}

func TestDecodeBoundsSize(t *testing.T) {
	big := bytes.Repeat([]byte(" "), secretome.MaxDocumentBytes+1)
	_, err := secretome.DecodeProduct(big)
	ve, ok := secretome.AsValidationError(err)
	require.True(t, ok)
	assert.True(t, ve.Has(secretome.CodeTooLarge))
	assert.False(t, errors.Is(err, nil))
}

func TestISCTChecklist(t *testing.T) {
	p := loadGel(t)
	cl := secretome.ISCT(&p.Source)
	assert.True(t, cl.Complete(), "the example MSCs meet all four criteria")

	p.Source.Identity.Markers[4].PercentPositive = decimal.NewNullDecimal(decimal.RequireFromString("2.5"))
	p.Source.Identity.Differentiation.Chondrogenic = false
	p.Source.Identity.Markers = append(p.Source.Identity.Markers[:3], p.Source.Identity.Markers[4:]...) // drop CD45 (index 3)
	cl = secretome.ISCT(&p.Source)
	byID := map[string]secretome.Criterion{}
	for _, c := range cl.Criteria {
		byID[c.ID] = c
	}
	assert.Equal(t, secretome.StatusMet, byID["isct.plastic_adherence"].Status)
	assert.Equal(t, secretome.StatusNotMet, byID["isct.negative_markers"].Status, "CD34 at 2.5 % exceeds 2 %")
	assert.Contains(t, byID["isct.negative_markers"].Detail, "CD34 2.5 %")
	assert.Equal(t, secretome.StatusNotMet, byID["isct.trilineage"].Status)
	assert.Equal(t, "not shown: chondrogenic", byID["isct.trilineage"].Detail)

	p.Source.Identity.Markers[3].PercentPositive = decimal.NewNullDecimal(decimal.RequireFromString("1"))
	cl = secretome.ISCT(&p.Source)
	for _, c := range cl.Criteria {
		if c.ID == "isct.negative_markers" {
			assert.Equal(t, secretome.StatusNotReported, c.Status, "without CD45 the criterion cannot be judged")
			assert.Contains(t, c.Detail, "CD45")
		}
	}
}

func TestEVCharacterisation(t *testing.T) {
	p := loadGel(t)
	p.Derivative.Type = secretome.DerivativePurifiedEVs
	cl := secretome.EVCharacterisation(p)
	assert.Equal(t, 0, cl.Count(secretome.StatusMet)-1, "only the separation step (TFF) is documented")

	p.Derivative.Processing = append(p.Derivative.Processing, secretome.ProcessingStep{Step: secretome.StepSizeExclusion})
	p.Composition.Vesicles = &secretome.Vesicles{
		ParticleConcentration: q("2.4e10 particles/mL"),
		SizeMode:              q("112 nm"),
		SizeMethod:            secretome.AssayNTA,
		PositiveMarkers:       []string{"CD63", "CD81", "TSG101"},
		NegativeMarkers:       []string{"Calnexin"},
		Imaging:               []secretome.ImagingMethod{secretome.ImagingCryoEM},
		SourceAmount:          q("1.2e8 cells"),
	}
	p.Source.Culture.Supplement = secretome.SupplementSerumFree
	p.Source.Culture.ViabilityAtHarvest = q("94 %")
	status := func(id string) (secretome.Status, string) {
		for _, c := range secretome.EVCharacterisation(p).Criteria {
			if c.ID == id {
				return c.Status, c.Detail
			}
		}
		t.Fatalf("no criterion %s", id)
		return 0, ""
	}
	st, detail := status("ev.marker_negative")
	assert.Equal(t, secretome.StatusNotReported, st, "calnexin (category 4) alone does not show purity")
	assert.Contains(t, detail, "category 4")

	p.Composition.Vesicles.NegativeMarkers = []string{"Calnexin", "ApoA-I"}
	cl = secretome.EVCharacterisation(p)
	assert.True(t, cl.Complete(), "%+v", cl.Criteria)

	// Lipid quantification counts as the second measure.
	p.Composition.TotalProtein = secretome.Quantity{}
	st, _ = status("ev.quantification")
	assert.Equal(t, secretome.StatusNotReported, st, "particles alone are one measure")
	p.Composition.Vesicles.TotalLipid = q("25 µg/mL")
	st, _ = status("ev.quantification")
	assert.Equal(t, secretome.StatusMet, st, "particles and lipid are two measures")
	st, _ = status("ev.purity_ratio")
	assert.Equal(t, secretome.StatusMet, st, "particle-to-lipid ratio")
	p.Composition.TotalProtein = q("1850 µg/mL")

	// Conditioned-medium items.
	p.Source.Culture.Supplement = secretome.SupplementFBS
	st, _ = status("ev.medium")
	assert.Equal(t, secretome.StatusNotReported, st, "serum without a depletion statement")
	p.Source.Culture.EVDepleted = new(bool)
	st, _ = status("ev.medium")
	assert.Equal(t, secretome.StatusNotMet, st, "serum not depleted of EVs")
	*p.Source.Culture.EVDepleted = true
	st, _ = status("ev.medium")
	assert.Equal(t, secretome.StatusMet, st, "EV-depleted serum")
	p.Source.Culture.ViabilityAtHarvest = secretome.Quantity{}
	st, _ = status("ev.harvest_viability")
	assert.Equal(t, secretome.StatusNotReported, st)
	p.Source.Culture.ViabilityAtHarvest = q("94 %")

	// Category 4 and 5 proteins are not counted as positive EV markers.
	p.Composition.Vesicles.PositiveMarkers = []string{"CD63", "TSG101", "fibronectin", "histone H3"}
	st, _ = status("ev.marker_count")
	assert.Equal(t, secretome.StatusNotReported, st, "fibronectin (category 5) and histone (category 4) are not EV markers")

	p.Composition.Vesicles.PositiveMarkers = []string{"CD63", "cd-63", "TSG101", ""}
	for _, c := range secretome.EVCharacterisation(p).Criteria {
		if c.ID == "ev.marker_count" {
			assert.Equal(t, secretome.StatusNotReported, c.Status, "CD63 twice and a blank are two distinct EV proteins, not three")
		}
	}
	p.Composition.Vesicles.PositiveMarkers = []string{"CD63", "CD81", "TSG101"}

	ratio, ok := secretome.PurityRatio(p.Composition.Vesicles, p.Composition.TotalProtein)
	require.True(t, ok)
	assert.Equal(t, "12972972.972973", ratio.String(), "2.4e10 particles/mL ÷ 1850 µg/mL")
}

// TestLocateProblems checks that validation problems get the line of the
// field they name, or of the nearest enclosing value when it is missing.
func TestLocateProblems(t *testing.T) {
	data := []byte("{\n  \"id\": \"X\",\n  \"source\": {\n    \"passage\": -1\n  }\n}")
	ps := []secretome.Problem{
		{Path: "source.passage", Code: secretome.CodeRange},
		{Path: "source.tissue", Code: secretome.CodeRequired},
		{Path: "name", Code: secretome.CodeRequired},
	}
	secretome.LocateProblems(data, ps)
	assert.Equal(t, [2]int{4, 16}, [2]int{ps[0].Line, ps[0].Column}, "the value of the field")
	assert.Equal(t, 3, ps[1].Line, "a missing field is placed at its object")
	assert.Equal(t, 1, ps[2].Line, "a missing top-level field is placed at the document")
}

func TestEVCategory(t *testing.T) {
	for _, tc := range []struct {
		name string
		want int
	}{
		{"CD63", 1}, {"cd-81", 1}, {"ITGB1", 1}, {"integrin β1", 1}, {"CD73", 1}, {"NT5E", 1}, {"HLA-ABC", 1}, {"EMMPRIN", 1},
		{"TSG101", 2}, {"ALIX", 2}, {"PDCD6IP", 2}, {"CHMP4B", 2}, {"Flotillin-1", 2}, {"syntenin-1", 2}, {"HSC70", 2}, {"GAPDH", 2},
		{"APOA1", 3}, {"ApoB", 3}, {"albumin", 3}, {"Tamm-Horsfall protein", 3}, {"RPL7", 3},
		{"calnexin", 4}, {"GM130", 4}, {"histone H3", 4}, {"TOMM20", 4}, {"BiP", 4}, {"AGO2", 4},
		{"VEGF-A", 5}, {"fibronectin", 5}, {"MFGE8", 5}, {"IL-6", 5},
		{"unknown protein", 0}, {"", 0},
	} {
		assert.Equal(t, tc.want, secretome.EVCategory(tc.name), tc.name)
	}
}

func TestISCTAdipose(t *testing.T) {
	pct := func(s string) decimal.NullDecimal {
		return decimal.NullDecimal{Decimal: decimal.RequireFromString(s), Valid: true}
	}
	yes := true
	src := &secretome.Source{CellType: secretome.CellTypeMSC, Tissue: secretome.TissueAdipose, Identity: &secretome.Identity{
		PlasticAdherent: &yes,
		Markers: []secretome.Marker{{Name: "CD73", PercentPositive: pct("91")}, {Name: "CD90", PercentPositive: pct("88")},
			{Name: "CD105", PercentPositive: pct("84")}, {Name: "CD45", PercentPositive: pct("0.8")}, {Name: "CD34", PercentPositive: pct("35")},
			{Name: "CD31", PercentPositive: pct("0.5")}, {Name: "CD235a", PercentPositive: pct("0.1")}},
		Differentiation: &secretome.Differentiation{Osteogenic: true, Adipogenic: true, Chondrogenic: true},
	}}
	cl := secretome.ISCT(src)
	assert.Contains(t, cl.Standard, "IFATS/ISCT")
	assert.True(t, cl.Complete(), "IFATS/ISCT: CD34 may be present and 80 %% suffices: %+v", cl.Criteria)

	src.Tissue = secretome.TissueBoneMarrow
	cl = secretome.ISCT(src)
	assert.Contains(t, cl.Standard, "Dominici")
	assert.Equal(t, 2, cl.Count(secretome.StatusNotMet), "Dominici 2006 asks ≥ 95 %% and CD34 ≤ 2 %%: %+v", cl.Criteria)
}

// TestBelowDetection: a result below the limit of detection ("< 0.05
// EU/mL") is a normal release result and is compared with the limit.
func TestBelowDetection(t *testing.T) {
	lod := func() secretome.TestResult {
		return secretome.TestResult{Kind: secretome.TestEndotoxin, Value: q("0.05 EU/mL"), BelowDetection: true}
	}
	r := lod()
	assert.Equal(t, "< 0.05 EU/mL", r.String())
	for _, tc := range []struct {
		name  string
		limit secretome.Limit
		want  secretome.DeviationKind // 0: conforms
	}{
		{"maximum above the limit of detection", secretome.Limit{Max: q("0.5 EU/mL")}, 0},
		{"maximum equal to the limit of detection", secretome.Limit{Max: q("0.05 EU/mL")}, 0},
		{"maximum below the limit of detection", secretome.Limit{Max: q("0.01 EU/mL")}, secretome.DeviationIncomparable},
		{"minimum at or above the limit of detection", secretome.Limit{Min: q("0.05 EU/mL")}, secretome.DeviationOutOfLimit},
		{"minimum below the limit of detection", secretome.Limit{Min: q("0.01 EU/mL")}, secretome.DeviationIncomparable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := secretome.ReleaseSpec{Tests: []secretome.ReleaseTest{{Kind: secretome.TestEndotoxin, Limit: tc.limit}}}
			devs := spec.Conformance(&secretome.Batch{ID: "B1", Results: []secretome.TestResult{lod()}})
			if tc.want == 0 {
				assert.Empty(t, devs)
				return
			}
			require.Len(t, devs, 1)
			assert.Equal(t, tc.want, devs[0].Kind, devs[0].Message)
			assert.Contains(t, devs[0].Message, "< 0.05 EU/mL")
		})
	}
}

func TestBelowDetectionNeedsValue(t *testing.T) {
	p := loadGel(t)
	p.Batches[0].Results = append(p.Batches[0].Results, secretome.TestResult{Kind: secretome.TestCustom, Name: "x", BelowDetection: true, Outcome: secretome.OutcomeNegative})
	err := p.Validate()
	var ve *secretome.ValidationError
	require.ErrorAs(t, err, &ve)
	found := false
	for _, pr := range ve.Problems {
		if strings.HasSuffix(pr.Path, ".value") && strings.Contains(pr.Message, "limit of detection") {
			found = true
		}
	}
	assert.True(t, found, "%v", ve.Problems)
}
