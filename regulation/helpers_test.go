package regulation

import (
	"fmt"
	"os"
	"testing"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
	"github.com/shopspring/decimal"
)

// seed decodes the seed dossier afresh, so that each test may edit its
// own copy.
func seed(t testing.TB) *Dossier {
	t.Helper()
	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := DecodeDossier(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// bigDossier is the seed with 20 studies, several claims and uses in every
// shipped jurisdiction: the benchmark's realistic dossier.
func bigDossier(t testing.TB) *Dossier {
	d := seed(t)
	base := d.Studies[0]
	var ids []string
	for i := len(d.Studies); i < 20; i++ {
		s := base
		s.ID = fmt.Sprintf("study-%02d", i+1)
		switch i % 3 {
		case 0:
			s.Design = evidence.DesignCaseSeries
			n := 12
			s.Population.Size = &n
		case 1:
			s.Design = evidence.DesignCaseReport
		case 2:
			s.Design = evidence.DesignInVitro
			s.Population = evidence.Population{}
		}
		d.Studies = append(d.Studies, s)
		ids = append(ids, s.ID)
	}
	d.Claims = append(d.Claims,
		Claim{Wording: "Heals partial-thickness burns", Indication: "burn", Studies: ids[:6]},
		Claim{Wording: "Soothes pemphigus erosions", Indication: "pemphigus", Studies: ids[6:]},
		Claim{Wording: "Renews tired skin", Indication: "skin-rejuvenation"},
	)
	for _, j := range []string{"US", "EU", "JP", "KR", "AU", "TW"} {
		d.Uses = append(d.Uses,
			Use{Jurisdiction: j, Class: UseHospitalService, Setting: SettingHospital, Administrator: AdministratorPhysician,
				Route: secretome.RouteTopicalWound, Indications: []string{"pressure-ulcer"}},
			Use{Jurisdiction: j, Class: UseCosmetic, Setting: SettingBeautyClinic, Administrator: AdministratorBeautician,
				Route: secretome.RouteTopical, Indications: []string{"skin-rejuvenation"}},
		)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	return d
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func ptr[T any](v T) *T { return &v }

// rct returns a complete randomised trial of the seed gel for pressure
// ulcers (fictional data).
func rct(id string, treated, control int) evidence.Study {
	return evidence.Study{
		ID:           id,
		Title:        "Secretome gel versus vehicle for pressure ulcers (fictional)",
		Year:         2025,
		Design:       evidence.DesignRandomisedControlledTrial,
		Population:   evidence.Population{Condition: "L89", Size: ptr(240), Setting: "nursing homes", Country: "ID"},
		Intervention: evidence.Intervention{ProductID: "NSB-UCMSC-SG-01"},
		Comparator:   evidence.Comparator{Kind: evidence.ComparatorPlacebo, Description: "vehicle gel"},
		Outcomes: []evidence.Outcome{{
			Name: "complete closure", Type: evidence.OutcomeBinary, TimePoint: evidence.TimePoint{Value: 12, Unit: evidence.Weeks},
			Raw: &evidence.RawData{EventsTreated: ptr(treated), TotalTreated: ptr(120), EventsControl: ptr(control), TotalControl: ptr(120)},
		}},
		Funding:   evidence.Funding{Kind: evidence.FundingPublic, Sponsor: "national research agency (fictional)"},
		Conflicts: evidence.Conflicts{Status: evidence.ConflictsNone},
		RiskOfBias: evidence.RiskOfBias{RoB2: &evidence.RoB2{Randomisation: evidence.RoB2Low, Deviations: evidence.RoB2Low,
			MissingData: evidence.RoB2Low, Measurement: evidence.RoB2Low, ReportedResult: evidence.RoB2Low}},
	}
}

func withRCTs(d *Dossier) {
	d.Studies = append(d.Studies, rct("rct-1", 70, 35), rct("rct-2", 66, 38))
}

func dropTest(kind secretome.TestKind) func(*Dossier) {
	return func(d *Dossier) {
		tests := d.Product.Release.Tests[:0:0]
		for _, t := range d.Product.Release.Tests {
			if t.Kind != kind {
				tests = append(tests, t)
			}
		}
		d.Product.Release.Tests = tests
		for i := range d.Product.Batches {
			rs := d.Product.Batches[i].Results[:0:0]
			for _, r := range d.Product.Batches[i].Results {
				if r.Kind != kind {
					rs = append(rs, r)
				}
			}
			d.Product.Batches[i].Results = rs
		}
	}
}

// setMarker sets the share of cells positive for a marker, adding the
// marker when the identity does not list it.
func setMarker(name, percent string) func(*Dossier) {
	return func(d *Dossier) {
		id := d.Product.Source.Identity
		v := decimal.NullDecimal{Decimal: decimal.RequireFromString(percent), Valid: true}
		for i := range id.Markers {
			if id.Markers[i].Name == name {
				id.Markers[i].PercentPositive = v
				return
			}
		}
		id.Markers = append(id.Markers, secretome.Marker{Name: name, PercentPositive: v})
	}
}

func characterisedEVs(d *Dossier) {
	d.Product.Derivative.Type = secretome.DerivativePurifiedEVs
	d.Product.Derivative.Processing = append(d.Product.Derivative.Processing, secretome.ProcessingStep{Step: secretome.StepSizeExclusion})
	d.Product.Composition.Vesicles = &secretome.Vesicles{
		ParticleConcentration: secretome.MustParseQuantity("2.4e10 particles/mL"),
		SizeMode:              secretome.MustParseQuantity("112 nm"),
		SizeMethod:            secretome.AssayNTA,
		PositiveMarkers:       []string{"CD63", "CD81", "TSG101"},
		NegativeMarkers:       []string{"calnexin", "APOB"},
		Imaging:               []secretome.ImagingMethod{secretome.ImagingCryoEM},
		SourceAmount:          secretome.MustParseQuantity("500 mL"),
	}
	d.Product.Source.Culture.Supplement = secretome.SupplementSerumFree
	d.Product.Source.Culture.EVDepleted = nil
	d.Product.Source.Culture.ViabilityAtHarvest = secretome.MustParseQuantity("95 %")
}
