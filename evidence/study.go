package evidence

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
)

// Problem codes for studies, beside the shared codes of package secretome
// and the risk-of-bias codes.
const (
	// CodeOutcomeData: an outcome has neither raw data nor a reported
	// effect, or has both.
	CodeOutcomeData secretome.Code = "outcome.data"
	// CodeDesignMismatch: a field does not fit the study design, such as
	// review details on a randomised trial or a comparator on a case
	// report.
	CodeDesignMismatch secretome.Code = "design.mismatch"
)

// maxParticipants bounds every participant and event count Validate
// accepts: more than a billion is a typing error, and the bound keeps the
// sums that grading forms far from integer overflow.
const maxParticipants = 1_000_000_000

// Year bounds accepted by Study.Validate. They are wide on purpose: the
// check catches typing errors ("20219", "0"), not old studies.
const (
	MinYear = 1800
	MaxYear = 2100
)

// Study is one piece of published (or registered) evidence: a laboratory
// or animal study, a clinical study, or a review of studies. It carries
// what grading needs: the design, the PICO (population, intervention,
// comparator, outcomes), the outcome data, funding and conflicts of
// interest, and the risk-of-bias assessment.
//
// The zero Study is empty and fails validation. Build a Study in code or
// decode one with DecodeStudy, then call Validate.
type Study struct {
	// ID is the local key that dossiers and claims use to cite the study,
	// such as "smith2024-pv". It must be non-empty, at most 128 characters,
	// and without spaces.
	ID string `json:"id"`
	// DOI is the bare Digital Object Identifier ("10.1234/abc.5"), if any.
	DOI string `json:"doi,omitzero"`
	// PMID is the PubMed identifier (digits only), if any.
	PMID string `json:"pmid,omitzero"`
	// Registrations lists the trial registry entries, if any.
	Registrations []Registration `json:"registrations,omitzero"`
	// Title is the study's title.
	Title string `json:"title"`
	// Year is the year of publication, between MinYear and MaxYear.
	Year int `json:"year"`
	// Design is the study design.
	Design Design `json:"design,omitzero"`
	// Population is who (or what model) was studied.
	Population Population `json:"population,omitzero"`
	// Intervention is what was given.
	Intervention Intervention `json:"intervention,omitzero"`
	// Comparator is what the intervention was compared with; the zero
	// value means no comparator (uncontrolled designs).
	Comparator Comparator `json:"comparator,omitzero"`
	// Outcomes lists the outcomes reported. Grading uses the outcome a
	// question names, or the first outcome when the question names none:
	// list the primary outcome first.
	Outcomes []Outcome `json:"outcomes,omitzero"`
	// Funding says who paid for the study.
	Funding Funding `json:"funding,omitzero"`
	// Conflicts is the authors' conflict-of-interest declaration.
	Conflicts Conflicts `json:"conflicts,omitzero"`
	// RiskOfBias is the risk-of-bias assessment (RoB 2 or ROBINS-I).
	RiskOfBias RiskOfBias `json:"risk_of_bias,omitzero"`
	// Review describes the included studies of a systematic review or
	// meta-analysis; it must be absent for other designs.
	Review *Review `json:"review,omitzero"`
}

// Population describes the participants of a study.
type Population struct {
	// Condition is the ICD-10 or ICD-11 code of the condition studied
	// ("L10.0", "T20-T32", "EB40.0"); see ConditionRevision for the
	// accepted forms. Required for clinical designs.
	Condition string `json:"condition,omitzero"`
	// Description describes the participants in words.
	Description string `json:"description,omitzero"`
	// Size is the number of participants analysed, 1 to a billion; nil
	// means not reported, which is different from any number.
	Size *int `json:"size,omitzero"`
	// Setting is where the study took place (outpatient clinic, burn unit).
	Setting string `json:"setting,omitzero"`
	// Country is the ISO 3166-1 alpha-2 code of the country ("ID").
	Country string `json:"country,omitzero"`
}

// Intervention is what a study gave. At least one field must be set.
type Intervention struct {
	// ProductID is the local ID of a product in the catalogue, when the
	// study used one of the catalogue's products.
	ProductID string `json:"product_id,omitzero"`
	// Description describes the intervention in words ("UC-MSC secretome
	// gel applied daily").
	Description string `json:"description,omitzero"`
}

// Comparator is what the intervention was compared with. The zero value
// means there was none.
type Comparator struct {
	// Kind classifies the comparator; ComparatorHistorical marks a
	// historically controlled study.
	Kind ComparatorKind `json:"kind,omitzero"`
	// Description describes the comparator in words.
	Description string `json:"description,omitzero"`
}

// IsZero reports whether no comparator is given.
func (c Comparator) IsZero() bool { return c == Comparator{} }

// Funding says who paid for a study.
type Funding struct {
	// Kind is the kind of funder.
	Kind FundingKind `json:"kind,omitzero"`
	// Sponsor names the funder(s).
	Sponsor string `json:"sponsor,omitzero"`
}

// Conflicts is the authors' declaration of conflicts of interest.
type Conflicts struct {
	// Status is what the study declares.
	Status ConflictStatus `json:"status,omitzero"`
	// Statement is the declaration, or a summary of it.
	Statement string `json:"statement,omitzero"`
}

// Review describes what a systematic review or meta-analysis included.
type Review struct {
	// Studies is the number of included studies; nil means not given.
	Studies *int `json:"studies,omitzero"`
	// Designs lists each design among the included studies once. A review
	// is at CEBM level 1 only when every included study is randomised.
	Designs []Design `json:"designs,omitzero"`
	// I2 is the heterogeneity I² the review reports for the pooled
	// result, in percent (0 to 100); nil means not reported.
	I2 *float64 `json:"i2,omitzero"`
	// Included lists identifiers of the included studies, each a study
	// ID, a DOI, a PMID or a trial registration number. Grading uses them
	// so that a review and a trial it includes are not counted twice in
	// one body of evidence.
	Included []string `json:"included,omitzero"`
}

// Outcome is one outcome a study reports, with its data: either raw data
// (Raw) from which the effect is computed, or an effect as the paper
// reports it (Reported), never both. Studies without a comparison group
// (case reports and series) and laboratory or animal studies may instead
// describe the result in words (Result).
type Outcome struct {
	// Name names the outcome ("complete wound closure"). Names are unique
	// within a study and matched without regard to case by questions.
	Name string `json:"name"`
	// Type is the kind of data.
	Type OutcomeType `json:"type,omitzero"`
	// TimePoint is when the outcome was measured.
	TimePoint TimePoint `json:"time_point,omitzero"`
	// Surrogate marks a surrogate outcome (a laboratory value or an
	// imaging measure standing in for what matters to patients, such as
	// wound area for healing); evidence on it is indirect.
	Surrogate bool `json:"surrogate,omitzero"`
	// Raw is the raw data: group counts for a binary outcome, or means,
	// standard deviations and sizes for a continuous one.
	Raw *RawData `json:"raw,omitzero"`
	// Reported is the effect as the paper reports it.
	Reported *ReportedEffect `json:"reported,omitzero"`
	// Result describes the result in words.
	Result string `json:"result,omitzero"`
}

// TimePoint is when an outcome was measured: in words, as a duration from
// the start of treatment, or both.
type TimePoint struct {
	// Text describes the time point ("at discharge").
	Text string `json:"text,omitzero"`
	// Value is the duration in Unit; it must be positive when Unit is set.
	Value int `json:"value,omitzero"`
	// Unit is the unit of Value.
	Unit TimeUnit `json:"unit,omitzero"`
}

// IsZero reports whether no time point is given.
func (t TimePoint) IsZero() bool { return t == TimePoint{} }

// String renders the time point, for example "12 week" or "at discharge".
func (t TimePoint) String() string {
	var parts []string
	if t.Unit != TimeUnitUnknown {
		parts = append(parts, fmt.Sprintf("%d %s", t.Value, t.Unit))
	}
	if t.Text != "" {
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, ", ")
}

// RawData is the raw data of a two-group comparison. A binary outcome
// uses the four counts; a continuous outcome uses the six summary
// statistics. Every field is a pointer so that a reported zero (no
// events) is distinct from a value that was not given.
type RawData struct {
	// EventsTreated is the number of participants with the event in the
	// intervention group.
	EventsTreated *int `json:"events_treated,omitzero"`
	// TotalTreated is the size of the intervention group.
	TotalTreated *int `json:"total_treated,omitzero"`
	// EventsControl is the number with the event in the comparator group.
	EventsControl *int `json:"events_control,omitzero"`
	// TotalControl is the size of the comparator group.
	TotalControl *int `json:"total_control,omitzero"`

	// MeanTreated is the mean in the intervention group.
	MeanTreated *float64 `json:"mean_treated,omitzero"`
	// SDTreated is the standard deviation in the intervention group.
	SDTreated *float64 `json:"sd_treated,omitzero"`
	// NTreated is the size of the intervention group.
	NTreated *int `json:"n_treated,omitzero"`
	// MeanControl is the mean in the comparator group.
	MeanControl *float64 `json:"mean_control,omitzero"`
	// SDControl is the standard deviation in the comparator group.
	SDControl *float64 `json:"sd_control,omitzero"`
	// NControl is the size of the comparator group.
	NControl *int `json:"n_control,omitzero"`
}

// ReportedEffect is an effect estimate with its confidence interval as a
// paper reports it, on the natural scale (ratios as ratios).
type ReportedEffect struct {
	// Measure is the effect measure (rr, or, hr, rd, md, smd).
	Measure Measure `json:"measure,omitzero"`
	// Estimate is the point estimate.
	Estimate *float64 `json:"estimate,omitzero"`
	// Lower is the lower confidence limit.
	Lower *float64 `json:"ci_lower,omitzero"`
	// Upper is the upper confidence limit.
	Upper *float64 `json:"ci_upper,omitzero"`
	// Level is the confidence level as a fraction (0.95 for a 95 % CI).
	Level float64 `json:"ci_level,omitzero"`
}

// Errors returned by Outcome.Effect; test for them with errors.Is.
var (
	// ErrNoData: the outcome has no raw data and no reported effect.
	ErrNoData = errors.New("evidence: outcome has no comparative data")
	// ErrMeasure: the requested measure cannot be computed from the data.
	ErrMeasure = errors.New("evidence: measure does not fit the outcome data")
)

// DefaultMeasure returns the measure Effect uses when asked for none: the
// reported measure, RR for raw binary data, MD for raw continuous data,
// or zero when there is no data.
func (o *Outcome) DefaultMeasure() Measure {
	switch {
	case o.Reported != nil:
		return o.Reported.Measure
	case o.Raw == nil:
		return 0
	case o.Raw.EventsTreated != nil || o.Raw.TotalTreated != nil:
		return MeasureRR
	case o.Raw.MeanTreated != nil || o.Raw.NTreated != nil:
		return MeasureMD
	}
	return 0
}

// Effect computes the outcome's effect size on measure m (0 means
// DefaultMeasure) with the constructors of this package: RiskRatio,
// OddsRatio or RiskDifference for raw binary data, MeanDifference or
// StandardisedMeanDifference for raw continuous data, and FromReported for
// a reported effect, which can only be had on its own measure. The error
// wraps ErrNoData or ErrMeasure, or is the constructor's error for data
// that fail its checks (validate the study first to get path-named
// problems).
func (o *Outcome) Effect(m Measure) (Effect, error) {
	if m == 0 {
		m = o.DefaultMeasure()
	}
	if r := o.Reported; r != nil {
		if m != r.Measure {
			return Effect{}, fmt.Errorf("%w: outcome %q is reported as %s, not %s", ErrMeasure, o.Name, r.Measure, m)
		}
		if r.Estimate == nil || r.Lower == nil || r.Upper == nil {
			return Effect{}, fmt.Errorf("%w: outcome %q lacks its estimate or confidence limits", ErrNoData, o.Name)
		}
		return FromReported(r.Measure, *r.Estimate, *r.Lower, *r.Upper, r.Level)
	}
	if o.Raw == nil {
		return Effect{}, fmt.Errorf("%w: outcome %q", ErrNoData, o.Name)
	}
	switch m {
	case MeasureRR, MeasureOR, MeasureRD:
		t, ok := o.Raw.table()
		if !ok {
			return Effect{}, fmt.Errorf("%w: outcome %q has no complete 2×2 counts for %s", ErrMeasure, o.Name, m)
		}
		switch m {
		case MeasureRR:
			return RiskRatio(t)
		case MeasureOR:
			return OddsRatio(t)
		}
		return RiskDifference(t)
	case MeasureMD, MeasureSMD:
		c, ok := o.Raw.continuous()
		if !ok {
			return Effect{}, fmt.Errorf("%w: outcome %q has no complete means, SDs and sizes for %s", ErrMeasure, o.Name, m)
		}
		if m == MeasureMD {
			return MeanDifference(c)
		}
		return StandardisedMeanDifference(c)
	}
	return Effect{}, fmt.Errorf("%w: %s cannot be computed from raw data of outcome %q", ErrMeasure, m, o.Name)
}

// table returns the 2×2 table when all four counts are present.
func (r *RawData) table() (TwoByTwo, bool) {
	if r.EventsTreated == nil || r.TotalTreated == nil || r.EventsControl == nil || r.TotalControl == nil {
		return TwoByTwo{}, false
	}
	a, n1, c, n2 := float64(*r.EventsTreated), float64(*r.TotalTreated), float64(*r.EventsControl), float64(*r.TotalControl)
	return TwoByTwo{A: a, B: n1 - a, C: c, D: n2 - c}, true
}

// continuous returns the summary statistics when all six are present.
func (r *RawData) continuous() (Continuous, bool) {
	if r.MeanTreated == nil || r.SDTreated == nil || r.NTreated == nil || r.MeanControl == nil || r.SDControl == nil || r.NControl == nil {
		return Continuous{}, false
	}
	return Continuous{
		M1: *r.MeanTreated, SD1: *r.SDTreated, N1: float64(*r.NTreated),
		M2: *r.MeanControl, SD2: *r.SDControl, N2: float64(*r.NControl),
	}, true
}

// participants returns the number of participants in the raw data, or 0.
func (r *RawData) participants() int {
	switch {
	case r == nil:
		return 0
	case r.TotalTreated != nil && r.TotalControl != nil:
		return *r.TotalTreated + *r.TotalControl
	case r.NTreated != nil && r.NControl != nil:
		return *r.NTreated + *r.NControl
	}
	return 0
}

// events returns the number of events in the raw binary data and whether
// it is known.
func (r *RawData) events() (int, bool) {
	if r == nil || r.EventsTreated == nil || r.EventsControl == nil {
		return 0, false
	}
	return *r.EventsTreated + *r.EventsControl, true
}

// Validate checks the study and returns a *secretome.ValidationError that
// holds every problem, each named by its field path ("outcomes[1].raw.
// events_treated") and a stable code, when at least one problem is an
// error. Warnings (such as an unassessed risk of bias for a randomised
// trial) are included in that error's list; use Problems to get them when
// there is no error. Validate never panics, whatever the study holds.
func (s *Study) Validate() error {
	var ps secretome.Problems
	s.check(&ps)
	return ps.Err()
}

// Check returns every problem Validate finds, warnings included,
// sorted by path and code.
func (s *Study) Check() []secretome.Problem {
	var ps secretome.Problems
	s.check(&ps)
	return ps.List()
}

// checker adds problems below a base path.
type checker struct {
	ps *secretome.Problems
}

// err records an error. The message is always formatted, so "%%" reads
// "%" whether or not there are arguments.
// err and warn record a problem whose message is the catalogue's text
// key with args (package message).
func (c checker) err(p *fieldpath.Path, code secretome.Code, key string, args ...message.Arg) {
	c.ps.AddText(p.String(), secretome.SeverityError, code, message.New(key, args...))
}

// warn records a warning, formatted as err formats.
func (c checker) warn(p *fieldpath.Path, code secretome.Code, key string, args ...message.Arg) {
	c.ps.AddText(p.String(), secretome.SeverityWarning, code, message.New(key, args...))
}

// textArg is the argument of a value shown as fmt prints it.
func textArg(v any) message.Arg { return message.Text(fmt.Sprint(v)) }

// quotedArg is the argument of a value shown in quotes, as %q prints it.
func quotedArg(v any) message.Arg { return message.Text(strconv.Quote(fmt.Sprint(v))) }

func (s *Study) check(ps *secretome.Problems) {
	c := checker{ps}
	root := fieldpath.Root()
	if s == nil {
		c.err(&root, secretome.CodeRequired, "study.missing")
		return
	}
	s.checkIdentity(c, &root)
	design := root.Field("design")
	if !s.Design.Valid() {
		if s.Design == DesignUnknown {
			c.err(&design, secretome.CodeRequired, "study.design.required", textArg(strings.Join(allowedNames(designNames), ", ")))
		} else {
			c.err(&design, secretome.CodeEnum, "study.design.unknown", textArg(uint8(s.Design)))
		}
	}
	pop := root.Field("population")
	s.checkPopulation(c, &pop)
	iv := root.Field("intervention")
	if strings.TrimSpace(s.Intervention.ProductID) == "" && strings.TrimSpace(s.Intervention.Description) == "" {
		c.err(&iv, secretome.CodeRequired, "study.intervention")
	}
	cmpPath := root.Field("comparator")
	s.checkComparator(c, &cmpPath)
	outs := root.Field("outcomes")
	seen := make(map[string]int, len(s.Outcomes))
	for i := range s.Outcomes {
		op := outs.Index(i)
		o := &s.Outcomes[i]
		s.checkOutcome(c, &op, o)
		key := strings.ToLower(strings.TrimSpace(o.Name))
		if key == "" {
			continue
		}
		if j, dup := seen[key]; dup {
			np := op.Field("name")
			c.err(&np, secretome.CodeDuplicate, "study.outcome.twice", quotedArg(o.Name), textArg(j))
		} else {
			seen[key] = i
		}
	}
	fund := root.Field("funding")
	s.checkFunding(c, &fund)
	coi := root.Field("conflicts")
	s.checkConflicts(c, &coi)
	rob := root.Field("risk_of_bias")
	s.checkRoB(c, &rob)
	rev := root.Field("review")
	s.checkReview(c, &rev)
}

func (s *Study) checkIdentity(c checker, root *fieldpath.Path) {
	id := root.Field("id")
	switch {
	case s.ID == "":
		c.err(&id, secretome.CodeRequired, "study.id.required")
	case len(s.ID) > 128:
		c.err(&id, secretome.CodeFormat, "study.id.long", textArg(len(s.ID)))
	case strings.IndexFunc(s.ID, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0:
		c.err(&id, secretome.CodeFormat, "study.id.chars", quotedArg(s.ID))
	}
	if s.DOI != "" {
		p := root.Field("doi")
		if err := checkDOI(s.DOI); err != nil {
			c.err(&p, secretome.CodeFormat, "study.error", message.Of(err))
		}
	}
	if s.PMID != "" {
		p := root.Field("pmid")
		if err := checkPMID(s.PMID); err != nil {
			c.err(&p, secretome.CodeFormat, "study.error", message.Of(err))
		}
	}
	regs := root.Field("registrations")
	seen := make(map[Registration]int, len(s.Registrations))
	for i, r := range s.Registrations {
		rp := regs.Index(i)
		idp := rp.Field("id")
		reg := rp.Field("registry")
		name := rp.Field("registry_name")
		switch {
		case r.Registry == RegistryUnknown:
			c.err(&reg, secretome.CodeRequired, "study.registry.required", textArg(strings.Join(allowedNames(registryNames), ", ")))
		case int(r.Registry) >= len(registryNames):
			c.err(&reg, secretome.CodeEnum, "study.registry.unknown", textArg(uint8(r.Registry)))
		case r.Registry == RegistryOther && strings.TrimSpace(r.RegistryName) == "":
			c.err(&name, secretome.CodeRequired, "study.registry_name.required")
		case r.Registry != RegistryOther && r.RegistryName != "":
			c.err(&name, secretome.CodeInconsistent, "study.registry_name.only_other", textArg(r.Registry))
		}
		if strings.TrimSpace(r.ID) == "" {
			c.err(&idp, secretome.CodeRequired, "study.registration.id")
		} else if certain, err := checkRegistrationID(r.Registry, r.ID); err != nil {
			if certain {
				c.err(&idp, secretome.CodeFormat, "study.error", message.Of(err))
			} else {
				c.warn(&idp, secretome.CodeFormat, "study.error", message.Of(err))
			}
		}
		if j, dup := seen[r]; dup {
			c.err(&rp, secretome.CodeDuplicate, "study.registration.twice", textArg(j))
		} else {
			seen[r] = i
		}
	}
	if strings.TrimSpace(s.Title) == "" {
		p := root.Field("title")
		c.err(&p, secretome.CodeRequired, "study.title")
	}
	yp := root.Field("year")
	switch {
	case s.Year == 0:
		c.err(&yp, secretome.CodeRequired, "study.year.required")
	case s.Year < MinYear || s.Year > MaxYear:
		c.err(&yp, secretome.CodeRange, "study.year.range", textArg(s.Year), textArg(MinYear), textArg(MaxYear))
	}
}

func (s *Study) checkPopulation(c checker, p *fieldpath.Path) {
	pop := &s.Population
	cond := p.Field("condition")
	if pop.Condition == "" {
		if s.Design.Valid() && !s.Design.Mechanistic() {
			c.err(&cond, secretome.CodeRequired, "study.condition", textArg(s.Design))
		}
	} else if _, err := ConditionRevision(pop.Condition); err != nil {
		c.err(&cond, secretome.CodeFormat, "study.error", message.Of(err))
	}
	if pop.Size != nil {
		sp := p.Field("size")
		n := *pop.Size
		switch {
		case n < 1:
			c.err(&sp, secretome.CodeRange, "study.size.min", textArg(n))
		case n > maxParticipants:
			c.err(&sp, secretome.CodeRange, "study.size.max", textArg(maxParticipants), textArg(n))
		case s.Design == DesignCaseReport && n != 1:
			c.warn(&sp, CodeDesignMismatch, "study.size.case_report", textArg(n))
		case s.Design == DesignCaseSeries && n == 1:
			c.warn(&sp, CodeDesignMismatch, "study.size.case_series")
		}
	}
	if pop.Country != "" {
		cp := p.Field("country")
		if err := checkCountry(pop.Country); err != nil {
			c.err(&cp, secretome.CodeFormat, "study.error", message.Of(err))
		}
	}
}

func (s *Study) checkComparator(c checker, p *fieldpath.Path) {
	cmp := s.Comparator
	if int(cmp.Kind) >= len(comparatorNames) {
		kp := p.Field("kind")
		c.err(&kp, secretome.CodeEnum, "study.comparator.unknown", textArg(uint8(cmp.Kind)))
	}
	switch {
	case s.Design.Uncontrolled() && !cmp.IsZero():
		c.err(p, CodeDesignMismatch, "study.comparator.none", textArg(s.Design))
	case (s.Design.Randomised() || s.Design.NonRandomisedComparative()) && cmp.IsZero():
		c.warn(p, secretome.CodeRequired, "study.comparator.describe", textArg(s.Design))
	case s.Design.Randomised() && cmp.Kind == ComparatorHistorical:
		kp := p.Field("kind")
		c.err(&kp, CodeDesignMismatch, "study.comparator.historical")
	case !cmp.IsZero() && cmp.Kind == ComparatorUnknown:
		kp := p.Field("kind")
		c.warn(&kp, secretome.CodeRequired, "study.comparator.kind", textArg(strings.Join(allowedNames(comparatorNames), ", ")))
	}
}

func (s *Study) checkOutcome(c checker, p *fieldpath.Path, o *Outcome) {
	if strings.TrimSpace(o.Name) == "" {
		np := p.Field("name")
		c.err(&np, secretome.CodeRequired, "study.outcome.name")
	}
	tp := p.Field("type")
	switch {
	case o.Type == OutcomeUnknown:
		c.err(&tp, secretome.CodeRequired, "study.outcome.type", textArg(strings.Join(allowedNames(outcomeTypeNames), ", ")))
	case int(o.Type) >= len(outcomeTypeNames):
		c.err(&tp, secretome.CodeEnum, "study.outcome.type_unknown", textArg(uint8(o.Type)))
	}
	tpp := p.Field("time_point")
	switch t := o.TimePoint; {
	case t.Unit == TimeUnitUnknown && t.Value != 0:
		up := tpp.Field("unit")
		c.err(&up, secretome.CodeRequired, "study.time.unit", textArg(t.Value), textArg(strings.Join(allowedNames(timeUnitNames), ", ")))
	case int(t.Unit) >= len(timeUnitNames):
		up := tpp.Field("unit")
		c.err(&up, secretome.CodeEnum, "study.time.unit_unknown", textArg(uint8(t.Unit)))
	case t.Unit != TimeUnitUnknown && t.Value <= 0:
		vp := tpp.Field("value")
		c.err(&vp, secretome.CodeRange, "study.time.positive", textArg(t.Value))
	case t.IsZero():
		c.warn(&tpp, secretome.CodeRequired, "study.time.none")
	}
	narrativeOK := s.Design.Uncontrolled() || s.Design.Mechanistic()
	switch {
	case o.Raw != nil && o.Reported != nil:
		c.err(p, CodeOutcomeData, "study.data.both")
	case o.Raw == nil && o.Reported == nil:
		if !narrativeOK || strings.TrimSpace(o.Result) == "" {
			msg := "give either raw data or a reported effect"
			if narrativeOK {
				msg += " (or, for a " + s.Design.String() + ", the result in words)"
			}
			c.err(p, CodeOutcomeData, "study.data", textArg(msg))
		}
	case o.Raw != nil:
		rp := p.Field("raw")
		checkRaw(c, &rp, o.Type, o.Raw)
	default:
		rp := p.Field("reported")
		checkReported(c, &rp, o.Type, o.Reported)
	}
	if o.Raw != nil && s.Design.Uncontrolled() {
		c.err(p, CodeDesignMismatch, "study.raw.no_groups", textArg(s.Design))
	}
}

// rawField names one field of RawData for checks.
type rawField struct {
	name string
	i    *int
	f    *float64
}

func checkRaw(c checker, p *fieldpath.Path, t OutcomeType, r *RawData) {
	binary := []rawField{
		{name: "events_treated", i: r.EventsTreated}, {name: "total_treated", i: r.TotalTreated},
		{name: "events_control", i: r.EventsControl}, {name: "total_control", i: r.TotalControl},
	}
	cont := []rawField{
		{name: "mean_treated", f: r.MeanTreated}, {name: "sd_treated", f: r.SDTreated}, {name: "n_treated", i: r.NTreated},
		{name: "mean_control", f: r.MeanControl}, {name: "sd_control", f: r.SDControl}, {name: "n_control", i: r.NControl},
	}
	var need, forbid []rawField
	switch t {
	case OutcomeBinary:
		need, forbid = binary, cont
	case OutcomeContinuous:
		need, forbid = cont, binary
	case OutcomeTimeToEvent:
		c.err(p, CodeOutcomeData, "study.raw.time_to_event")
		return
	default:
		return // the missing type is reported already
	}
	for _, f := range forbid {
		if f.i != nil || f.f != nil {
			fp := p.Field(f.name)
			c.err(&fp, secretome.CodeInconsistent, "study.raw.field_foreign", textArg(f.name), textArg(t))
		}
	}
	complete := true
	for _, f := range need {
		fp := p.Field(f.name)
		switch {
		case f.i == nil && f.f == nil:
			c.err(&fp, secretome.CodeRequired, "study.raw.field_required", textArg(f.name), textArg(t))
			complete = false
		case f.f != nil && (math.IsNaN(*f.f) || math.IsInf(*f.f, 0)):
			c.err(&fp, secretome.CodeNumber, "study.raw.finite", textArg(f.name))
			complete = false
		case f.i != nil && *f.i < 0:
			c.err(&fp, secretome.CodeRange, "study.raw.negative", textArg(f.name), textArg(*f.i))
			complete = false
		case f.i != nil && *f.i > maxParticipants:
			c.err(&fp, secretome.CodeRange, "study.raw.max", textArg(f.name), textArg(maxParticipants), textArg(*f.i))
			complete = false
		}
	}
	if !complete {
		return
	}
	if t == OutcomeBinary {
		for _, g := range [2][2]rawField{{binary[0], binary[1]}, {binary[2], binary[3]}} {
			ev, tot := *g[0].i, *g[1].i
			switch {
			case tot == 0:
				tp := p.Field(g[1].name)
				c.err(&tp, secretome.CodeRange, "study.raw.min1", textArg(g[1].name))
			case ev > tot:
				ep := p.Field(g[0].name)
				c.err(&ep, secretome.CodeInconsistent, "study.raw.exceeds", textArg(g[0].name), textArg(ev), textArg(g[1].name), textArg(tot))
			}
		}
		return
	}
	for _, f := range []rawField{cont[1], cont[4]} {
		if *f.f <= 0 {
			fp := p.Field(f.name)
			c.err(&fp, secretome.CodeRange, "study.raw.positive", textArg(f.name), textArg(*f.f))
		}
	}
	for _, f := range []rawField{cont[2], cont[5]} {
		if *f.i < 2 {
			fp := p.Field(f.name)
			c.err(&fp, secretome.CodeRange, "study.raw.min2", textArg(f.name), textArg(*f.i))
		}
	}
	if cd, ok := r.continuous(); ok && *r.SDTreated > 0 && *r.SDControl > 0 {
		for _, effect := range []struct {
			m Measure
			f func(Continuous) (Effect, error)
		}{{MeasureMD, MeanDifference}, {MeasureSMD, StandardisedMeanDifference}} {
			if _, err := effect.f(cd); errors.Is(err, ErrNotFinite) {
				c.err(p, secretome.CodeRange, "study.raw.overflow", textArg(effect.m))
				return
			}
		}
	}
}

// reportedPaths maps the field names of FromReported's problems to the
// JSON names of ReportedEffect.
var reportedPaths = map[string]string{
	"measure": "measure", "estimate": "estimate", "lower": "ci_lower", "upper": "ci_upper", "level": "ci_level",
}

func checkReported(c checker, p *fieldpath.Path, t OutcomeType, r *ReportedEffect) {
	mp := p.Field("measure")
	if r.Measure == 0 {
		c.err(&mp, secretome.CodeRequired, "study.measure.required", textArg(strings.Join(measureNames[1:], ", ")))
	} else if !r.Measure.valid() {
		c.err(&mp, secretome.CodeEnum, "study.measure.unknown", textArg(uint8(r.Measure)))
	} else if fits, want := measureFits(t, r.Measure); !fits {
		c.err(&mp, secretome.CodeInconsistent, "study.measure.mismatch", textArg(t), textArg(want), textArg(r.Measure))
	}
	missing := false
	for _, f := range []struct {
		name string
		v    *float64
	}{{"estimate", r.Estimate}, {"ci_lower", r.Lower}, {"ci_upper", r.Upper}} {
		if f.v == nil {
			fp := p.Field(f.name)
			c.err(&fp, secretome.CodeRequired, "study.required", textArg(f.name))
			missing = true
		}
	}
	if r.Level == 0 {
		lp := p.Field("ci_level")
		c.err(&lp, secretome.CodeRequired, "study.ci_level")
		missing = true
	}
	if missing || !r.Measure.valid() {
		return
	}
	_, err := FromReported(r.Measure, *r.Estimate, *r.Lower, *r.Upper, r.Level)
	if ve, ok := secretome.AsValidationError(err); ok {
		for _, pr := range ve.Problems {
			name := reportedPaths[pr.Path]
			if name == "" {
				name = pr.Path
			}
			fp := p.Field(name)
			text := pr.Text
			if text.IsZero() {
				text = message.Plain(pr.Message)
			}
			c.ps.AddText(fp.String(), pr.Severity, pr.Code, text)
		}
	} else if err != nil {
		c.err(p, secretome.CodeInconsistent, "study.error", message.Of(err))
	}
}

// measureFits reports whether measure m suits outcome type t, and lists
// the measures that do.
func measureFits(t OutcomeType, m Measure) (bool, string) {
	switch t {
	case OutcomeBinary:
		return m == MeasureRR || m == MeasureOR || m == MeasureRD, "rr, or or rd"
	case OutcomeContinuous:
		return m == MeasureMD || m == MeasureSMD, "md or smd"
	case OutcomeTimeToEvent:
		return m == MeasureHR, "hr"
	}
	return true, ""
}

func (s *Study) checkFunding(c checker, p *fieldpath.Path) {
	f := s.Funding
	kp := p.Field("kind")
	sp := p.Field("sponsor")
	switch {
	case f.Kind == FundingUnknown:
		c.warn(&kp, secretome.CodeRequired, "study.funding.none")
	case int(f.Kind) >= len(fundingNames):
		c.err(&kp, secretome.CodeEnum, "study.funding.unknown", textArg(uint8(f.Kind)))
	case f.Kind == FundingIndustry && strings.TrimSpace(f.Sponsor) == "":
		c.warn(&sp, secretome.CodeRequired, "study.funding.sponsor")
	case (f.Kind == FundingNone || f.Kind == FundingNotReported) && f.Sponsor != "":
		c.err(&sp, secretome.CodeInconsistent, "study.funding.kind", textArg(f.Kind))
	}
}

func (s *Study) checkConflicts(c checker, p *fieldpath.Path) {
	cs := p.Field("status")
	switch st := s.Conflicts; {
	case st.Status == ConflictsUnknown:
		c.warn(&cs, secretome.CodeRequired, "study.conflicts.none")
	case int(st.Status) >= len(conflictNames):
		c.err(&cs, secretome.CodeEnum, "study.conflicts.unknown", textArg(uint8(st.Status)))
	case st.Status == ConflictsDeclared && strings.TrimSpace(st.Statement) == "":
		stp := p.Field("statement")
		c.warn(&stp, secretome.CodeRequired, "study.conflicts.summarise")
	}
}

func (s *Study) checkRoB(c checker, p *fieldpath.Path) {
	rb := s.RiskOfBias
	r2 := p.Field("rob2")
	ri := p.Field("robins_i")
	d := s.Design
	if rb.RoB2 != nil && rb.ROBINSI != nil {
		c.err(p, CodeRoBToolMismatch, "study.rob.both")
	}
	if rb.RoB2 != nil && d.Valid() && !d.Randomised() {
		c.err(&r2, CodeRoBToolMismatch, "study.rob.rob2_design", textArg(d), textArg(toolHint(d)))
	}
	if rb.ROBINSI != nil && d.Valid() && !d.NonRandomisedComparative() {
		c.err(&ri, CodeRoBToolMismatch, "study.rob.robins_design", textArg(d), textArg(toolHint(d)))
	}
	switch {
	case d.Randomised() && rb.RoB2 == nil && rb.ROBINSI == nil:
		c.warn(p, CodeRoBMissing, "study.rob.missing_rct")
	case d.NonRandomisedComparative() && rb.RoB2 == nil && rb.ROBINSI == nil:
		c.warn(p, CodeRoBMissing, "study.rob.missing_nrs", textArg(d))
	}
	if r := rb.RoB2; r != nil {
		for i, j := range r.Domains() {
			fp := r2.Field(rob2Domains[i][0])
			if int(j) >= len(rob2Names) {
				c.err(&fp, secretome.CodeEnum, "study.rob.rob2_unknown", textArg(uint8(j)))
			}
		}
		o := r.Overall(RoB2Options{})
		if o.Judgement == RoB2NotAssessed {
			c.warn(&r2, CodeRoBIncomplete, "study.rob.no_overall", textArg(o.Reason))
		}
		if strings.TrimSpace(r.Escalation) != "" && !(o.Escalated) {
			ep := r2.Field("escalation")
			c.err(&ep, CodeRoBEscalation, "study.rob.escalation", textArg(o.Judgement))
		}
	}
	if r := rb.ROBINSI; r != nil {
		for i, j := range r.Domains() {
			fp := ri.Field(robinsDomains[i][0])
			if int(j) >= len(robinsNames) {
				c.err(&fp, secretome.CodeEnum, "study.rob.robins_unknown", textArg(uint8(j)))
			}
		}
		if o := r.Overall(); o.Judgement == ROBINSNotAssessed {
			c.warn(&ri, CodeRoBIncomplete, "study.rob.no_overall", textArg(o.Reason))
		}
	}
}

func toolHint(d Design) string {
	switch {
	case d.Randomised():
		return " (use RoB 2)"
	case d.NonRandomisedComparative():
		return " (use ROBINS-I)"
	}
	return " (neither tool applies to it)"
}

func (s *Study) checkReview(c checker, p *fieldpath.Path) {
	r := s.Review
	if r == nil {
		if s.Design.Synthesis() {
			c.warn(p, secretome.CodeRequired, "study.review.designs_missing", textArg(s.Design))
		}
		return
	}
	if s.Design.Valid() && !s.Design.Synthesis() {
		c.err(p, CodeDesignMismatch, "study.review.not_review", textArg(s.Design))
	}
	sp := p.Field("studies")
	if r.Studies == nil {
		c.err(&sp, secretome.CodeRequired, "study.review.studies")
	} else if *r.Studies < 1 {
		c.err(&sp, secretome.CodeRange, "study.review.studies_min", textArg(*r.Studies))
	} else if *r.Studies < len(r.Designs) {
		c.err(&sp, secretome.CodeInconsistent, "study.review.designs_count", textArg(*r.Studies), textArg(len(r.Designs)))
	}
	dp := p.Field("designs")
	if len(r.Designs) == 0 {
		c.err(&dp, secretome.CodeRequired, "study.review.designs")
	}
	seen := make(map[Design]int, len(r.Designs))
	for i, d := range r.Designs {
		ip := dp.Index(i)
		switch {
		case !d.Valid():
			c.err(&ip, secretome.CodeEnum, "study.design.unknown", textArg(uint8(d)))
		case d.Synthesis():
			c.err(&ip, secretome.CodeRange, "study.review.primary", textArg(d))
		}
		if j, dup := seen[d]; dup {
			c.err(&ip, secretome.CodeDuplicate, "study.review.design_twice", textArg(d), textArg(j))
		} else {
			seen[d] = i
		}
	}
	if r.I2 != nil {
		ip := p.Field("i2")
		if v := *r.I2; math.IsNaN(v) || v < 0 || v > 100 {
			c.err(&ip, secretome.CodeRange, "study.review.i2", textArg(v))
		}
	}
	inc := p.Field("included")
	seenID := make(map[string]int, len(r.Included))
	for i, id := range r.Included {
		ip := inc.Index(i)
		k := identifierKey(id)
		switch {
		case k == "":
			c.err(&ip, secretome.CodeRequired, "study.review.included_empty")
		case k == identifierKey(s.ID) || k == identifierKey(s.DOI) || k == identifierKey(s.PMID):
			c.err(&ip, secretome.CodeInconsistent, "study.review.self", quotedArg(id))
		}
		if j, dup := seenID[k]; dup && k != "" {
			c.err(&ip, secretome.CodeDuplicate, "study.review.included_twice", quotedArg(id), textArg(j))
		} else {
			seenID[k] = i
		}
	}
}

// identifierKey returns the form in which identifiers are compared:
// trimmed and lower case (DOIs are case-insensitive; study IDs, PMIDs and
// registration numbers do not differ by case alone).
func identifierKey(id string) string { return strings.ToLower(strings.TrimSpace(id)) }

// identifiers returns the keys of every identifier the study carries: its
// ID, DOI, PMID and registration numbers.
func (s *Study) identifiers() []string {
	out := []string{identifierKey(s.ID)}
	for _, x := range []string{s.DOI, s.PMID} {
		if k := identifierKey(x); k != "" {
			out = append(out, k)
		}
	}
	for _, r := range s.Registrations {
		if k := identifierKey(r.ID); k != "" {
			out = append(out, k)
		}
	}
	return out
}
