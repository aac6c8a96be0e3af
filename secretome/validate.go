package secretome

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/internal/fieldpath"
	"github.com/openregen/secretomekit/message"
	"github.com/shopspring/decimal"
)

// Codes of the problems that product validation reports, beside the shared
// codes in problem.go. They are stable.
const (
	// CodeUnknownAnalyte: an analyte is not in the catalogue (info only;
	// custom analytes are allowed).
	CodeUnknownAnalyte Code = "analyte.unknown"
	// CodeISCTNotMet: an MSC source fails an ISCT minimal criterion.
	CodeISCTNotMet Code = "isct.not_met"
	// CodeISCTNotReported: an MSC source lacks data for an ISCT criterion.
	CodeISCTNotReported Code = "isct.not_reported"
	// CodeEVIncomplete: an EV product lacks items of EV characterisation.
	CodeEVIncomplete Code = "ev.incomplete"
	// CodeDonorEligibility: allogeneic material without donor eligibility.
	CodeDonorEligibility Code = "donor.eligibility"
	// CodeBatchDeviation: a batch departs from the release specification.
	CodeBatchDeviation Code = "batch.deviation"
)

// hundred is the upper bound of a percentage.
var hundred = decimal.NewFromInt(100)

// maxPass bounds plausible passage numbers.
const maxPass = 100

// Validate checks the product and returns a *ValidationError holding every
// problem when at least one is an error; warnings and notes alone give nil
// (use Check to see them too). Paths are relative to the product, such as
// "composition.analytes[2].quantity.unit".
func (p *Product) Validate() error {
	var ps Problems
	p.check(&ps)
	return ps.Err()
}

// Check returns every problem Validate would consider, including warnings
// and notes, sorted by path.
func (p *Product) Check() []Problem {
	var ps Problems
	p.check(&ps)
	return ps.List()
}

// CheckInto appends the product's problems to ps, with paths below base
// (for example "product" when the product is embedded in a dossier).
func (p *Product) CheckInto(ps *Problems, base string) {
	var own Problems
	if fieldpath.IsIdent(base) {
		// The paths are rendered below base at once.
		root := fieldpath.Root()
		at := root.Field(base)
		p.checkAt(&own, &at)
		ps.list = append(ps.list, own.list...)
		return
	}
	p.check(&own)
	ps.list = slices.Grow(ps.list, len(own.list))
	for _, pr := range own.list {
		pr.Path = fieldpath.Join(base, pr.Path)
		ps.list = append(ps.list, pr)
	}
}

type checker struct {
	ps *Problems
}

// errorf, warnf and infof record a problem whose message is the
// catalogue's text key with args (package message).
func (c checker) errorf(p *fieldpath.Path, code Code, key string, args ...message.Arg) {
	c.ps.AddText(p.String(), SeverityError, code, message.New(key, args...))
}

func (c checker) warnf(p *fieldpath.Path, code Code, key string, args ...message.Arg) {
	c.ps.AddText(p.String(), SeverityWarning, code, message.New(key, args...))
}

func (c checker) infof(p *fieldpath.Path, code Code, key string, args ...message.Arg) {
	c.ps.AddText(p.String(), SeverityInfo, code, message.New(key, args...))
}

// text is the argument of a value shown as it is printed.
func text(v any) message.Arg { return message.Text(fmt.Sprint(v)) }

// quoted is the argument of a value shown in quotes, as %q prints it.
func quoted(s string) message.Arg { return message.Text(strconv.Quote(s)) }

func (c checker) required(p *fieldpath.Path, field string, empty bool) {
	if empty {
		f := p.Field(field)
		c.errorf(&f, CodeRequired, "problem.required", message.Text(field))
	}
}

// quantity checks that q, when present, has a value within the bounds
// ParseQuantity accepts and a unit of one of dims (any dimension when dims
// is empty). It reports whether q is usable (present or not).
func (c checker) quantity(p *fieldpath.Path, q Quantity, what string, dims ...Dimension) bool {
	if q.IsZero() {
		return true
	}
	ok := true
	if err := checkRange(q.Value); err != nil {
		v := p.Field("value")
		c.errorf(&v, CodeNumber, "problem.number", message.Term("quantity."+what), message.Of(err))
		ok = false
	}
	if !q.Unit.Valid() {
		u := p.Field("unit")
		c.errorf(&u, CodeUnit, "problem.unit.none", message.Term("quantity."+what))
		return false
	}
	if len(dims) == 0 {
		return ok
	}
	for _, d := range dims {
		if q.Unit.Dimension() == d {
			return ok
		}
	}
	u := p.Field("unit")
	c.errorf(&u, CodeUnit, "problem.unit.dimension", message.Term("quantity."+what), text(q.Unit), dimension(q.Unit.Dimension()), dimList(dims))
	return false
}

// share reports a quantity in % above 100: an amount that is a share of
// the product cannot exceed the whole. (Release results and limits are
// not shares: a relative potency may be 120 %.) Negative values are left
// to nonNegative.
func (c checker) share(p *fieldpath.Path, q Quantity, what string) {
	if q.Unit == UnitPercent && cmpDec(q.Value, hundred) > 0 {
		c.errorf(p, CodeRange, "problem.range.percent", message.Term("quantity."+what), text(q))
	}
}

// emptyEntries reports each blank string in the list at p.field: a null
// or "" entry names nothing and must not count as an entry.
func (c checker) emptyEntries(p *fieldpath.Path, field string, list []string, what string) {
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			f := p.Field(field)
			e := f.Index(i)
			c.errorf(&e, CodeRequired, "problem.entry.empty", message.Term("quantity."+what))
		}
	}
}

func dimList(dims []Dimension) message.Arg {
	var or message.Or
	for _, d := range dims {
		or = append(or, dimension(d))
	}
	return or
}

// dimension is the argument naming a dimension by its term.
func dimension(d Dimension) message.Arg {
	if d < dimensionCount {
		return dimensionArgs[d]
	}
	return dimensionArg(d)
}

func dimensionArg(d Dimension) message.Arg {
	return message.Enum("dimension", strings.ReplaceAll(d.String(), " ", "_"))
}

// dimensionArgs holds the argument of each dimension, made once and never
// changed, so that a problem naming dimensions makes none.
var dimensionArgs = func() (args [dimensionCount]message.Arg) {
	for d := range args {
		args[d] = dimensionArg(Dimension(d))
	}
	return args
}()

// nonNegative reports a negative quantity.
func (c checker) nonNegative(p *fieldpath.Path, q Quantity, what string) {
	if !q.IsZero() && q.Value.IsNegative() {
		c.errorf(p, CodeRange, "problem.range.negative", message.Term("quantity."+what), text(q))
	}
}

func (c checker) positive(p *fieldpath.Path, q Quantity, what string) {
	if !q.IsZero() && !q.Value.IsPositive() {
		c.errorf(p, CodeRange, "problem.range.positive", message.Term("quantity."+what), text(q))
	}
}

// number reports a decimal whose exponent or digits exceed the bounds
// quantities obey, and returns whether it is usable. Every plain decimal
// is checked before it is compared or printed: an exponent such as 1e99999999
// would otherwise cost gigabytes to compare or render.
func (c checker) number(p *fieldpath.Path, d decimal.Decimal, what string) bool {
	if err := checkRange(d); err != nil {
		c.errorf(p, CodeNumber, "problem.number", message.Term("quantity."+what), message.Of(err))
		return false
	}
	return true
}

func (c checker) percent(p *fieldpath.Path, d decimal.Decimal, what string) {
	if !c.number(p, d, what) {
		return
	}
	if d.IsNegative() || cmpDec(d, hundred) > 0 {
		c.errorf(p, CodeRange, "problem.range.percent", message.Term("quantity."+what), message.Text(asWritten(d)))
	}
}

func (p *Product) check(ps *Problems) {
	root := fieldpath.Root()
	p.checkAt(ps, &root)
}

// checkAt is check with the paths of the problems below root.
func (p *Product) checkAt(ps *Problems, root *fieldpath.Path) {
	c := checker{ps}
	c.required(root, "id", p.ID == "")
	c.required(root, "name", p.Name == "")
	src := root.Field("source")
	c.source(&src, &p.Source)
	der := root.Field("derivative")
	c.derivative(&der, &p.Derivative)
	comp := root.Field("composition")
	c.composition(&comp, p)
	form := root.Field("formulation")
	c.formulation(&form, &p.Formulation)
	ind := root.Field("indications")
	c.indications(&ind, p.Indications)
	rel := root.Field("release")
	c.release(&rel, p)
	bat := root.Field("batches")
	c.batches(&bat, p)
	if p.Storage != nil {
		st := root.Field("storage")
		c.storage(&st, p.Storage)
	}
	if !p.ShelfLife.IsZero() {
		sl := root.Field("shelf_life")
		c.quantity(&sl, p.ShelfLife, "shelf_life", DimensionDuration, DimensionCalendarDuration)
		c.positive(&sl, p.ShelfLife, "shelf_life")
	}
	if p.Price != nil {
		pr := root.Field("price")
		c.price(&pr, p.Price)
	}
}

func (c checker) source(p *fieldpath.Path, s *Source) {
	c.required(p, "cell_type", s.CellType == CellTypeUnspecified)
	c.required(p, "tissue", s.Tissue == TissueUnspecified)
	c.required(p, "species", s.Species == SpeciesUnspecified)
	donor := p.Field("donor")
	c.required(&donor, "type", s.Donor.Type == DonorUnspecified)
	if s.Donor.Type == DonorAllogeneic && s.Species == SpeciesHuman {
		switch e := s.Donor.Eligibility; {
		case s.Donor.Testing == NotHeld && e != nil && (e.Screened || len(e.Tests) > 0):
			// contradicted below
		case s.Donor.Testing == NotHeld:
			t := donor.Field("testing")
			c.warnf(&t, CodeDonorEligibility, "the donor of allogeneic human material was not screened and tested for infectious diseases")
		case s.Donor.Testing == Held:
		case e == nil || !e.Screened || len(e.Tests) == 0:
			el := donor.Field("eligibility")
			c.warnf(&el, CodeDonorEligibility, "problem.donor.eligibility")
		}
	}
	if e := s.Donor.Eligibility; s.Donor.Testing == NotHeld && e != nil && (e.Screened || len(e.Tests) > 0) {
		t := donor.Field("testing")
		c.errorf(&t, CodeInconsistent, "testing is not_held, but eligibility records screening or tests")
	}
	if e := s.Donor.Eligibility; e != nil {
		el := donor.Field("eligibility")
		c.emptyEntries(&el, "tests", e.Tests, "infectious_disease_test")
	}
	if s.Passage != nil {
		pa := p.Field("passage")
		if *s.Passage < 0 || *s.Passage > maxPass {
			c.errorf(&pa, CodeRange, "problem.passage", message.Int(maxPass), message.Int(*s.Passage))
		}
	}
	if (s.CellType == CellTypeESC) != (s.Tissue == TissueEmbryonic) && (s.CellType == CellTypeESC || s.Tissue == TissueEmbryonic) {
		t := p.Field("tissue")
		c.errorf(&t, CodeInconsistent, "problem.embryonic", text(s.CellType), text(s.Tissue))
	}
	if (s.CellType == CellTypeIPSC) != (s.Tissue == TissueIPSCDerived) && s.CellType == CellTypeIPSC {
		t := p.Field("tissue")
		c.errorf(&t, CodeInconsistent, "problem.ipsc", text(s.Tissue))
	}
	cu := p.Field("culture")
	c.required(&cu, "supplement", s.Culture.Supplement == SupplementUnspecified)
	for i, pc := range s.Culture.Preconditioning {
		if pc == PreconditioningUnspecified {
			pp := cu.Field("preconditioning")
			e := pp.Index(i)
			c.errorf(&e, CodeRequired, "problem.entry.empty", message.Term("quantity.preconditioning"))
		}
	}
	if q := s.Culture.Oxygen; !q.IsZero() {
		o := cu.Field("oxygen")
		c.quantity(&o, q, "oxygen_tension", DimensionFraction)
		if q.Unit == UnitPercent {
			c.percent(&o, q.Value, "oxygen_tension")
		}
	}
	if q := s.Culture.ConditioningTime; !q.IsZero() {
		t := cu.Field("conditioning_time")
		c.quantity(&t, q, "conditioning_time", DimensionDuration)
		c.positive(&t, q, "conditioning_time")
	}
	if q := s.Culture.ViabilityAtHarvest; !q.IsZero() {
		v := cu.Field("viability_at_harvest")
		c.quantity(&v, q, "viability_at_harvest", DimensionFraction)
		if q.Unit == UnitPercent {
			c.percent(&v, q.Value, "viability_at_harvest")
		}
	}
	if s.Culture.EVDepleted != nil && s.Culture.Supplement == SupplementSerumFree {
		e := cu.Field("ev_depleted")
		c.errorf(&e, CodeInconsistent, "problem.ev_depleted")
	}
	if s.Identity != nil {
		id := p.Field("identity")
		c.identity(&id, s.Identity)
	}
	if s.CellType == CellTypeMSC {
		c.isct(p, s)
	}
}

func (c checker) identity(p *fieldpath.Path, id *Identity) {
	ms := p.Field("markers")
	for i := range id.Markers {
		m := &id.Markers[i]
		e := ms.Index(i)
		c.required(&e, "name", m.Name == "")
		pp := e.Field("percent_positive")
		if !m.PercentPositive.Valid {
			c.errorf(&pp, CodeRequired, "problem.required", message.Text("percent_positive"))
		} else {
			c.percent(&pp, m.PercentPositive.Decimal, "percent_positive")
		}
		for j := range i {
			if m.Name != "" && sameMarker(id.Markers[j].Name, m.Name) {
				n := e.Field("name")
				c.errorf(&n, CodeDuplicate, "problem.marker.twice", message.Text(m.Name), message.Int(j))
				break
			}
		}
	}
}

func (c checker) isct(p *fieldpath.Path, s *Source) {
	notMet, notReported := isctSummary(s)
	id := p.Field("identity")
	if notMet > 0 {
		c.warnf(&id, CodeISCTNotMet, "problem.isct.not_met", message.Int(notMet))
	}
	if notReported > 0 {
		c.infof(&id, CodeISCTNotReported, "problem.isct.not_reported", message.Int(notReported))
	}
}

func (c checker) derivative(p *fieldpath.Path, d *Derivative) {
	c.required(p, "type", d.Type == DerivativeUnspecified)
	steps := p.Field("processing")
	for i := range d.Processing {
		s := &d.Processing[i]
		e := steps.Index(i)
		c.required(&e, "step", s.Step == StepUnspecified)
		if !s.PoreSize.IsZero() {
			ps := e.Field("pore_size")
			c.quantity(&ps, s.PoreSize, "pore_size", DimensionLength)
			c.positive(&ps, s.PoreSize, "pore_size")
		}
		if s.Step == StepFiltration && s.PoreSize.IsZero() {
			c.required(&e, "pore_size", true)
		}
		if s.CutoffKDa.Valid {
			f := e.Field("cutoff_kda")
			if c.number(&f, s.CutoffKDa.Decimal, "cut_off") && !s.CutoffKDa.Decimal.IsPositive() {
				c.errorf(&f, CodeRange, "problem.cutoff", message.Text(asWritten(s.CutoffKDa.Decimal)))
			}
		}
		if (s.Step == StepTangentialFlowFiltration || s.Step == StepUltrafiltration) && !s.CutoffKDa.Valid {
			c.required(&e, "cutoff_kda", true)
		}
		if s.ForceG.Valid {
			f := e.Field("force_g")
			if c.number(&f, s.ForceG.Decimal, "centrifugal_force") && !s.ForceG.Decimal.IsPositive() {
				c.errorf(&f, CodeRange, "problem.force", message.Text(asWritten(s.ForceG.Decimal)))
			}
		}
		if !s.Duration.IsZero() {
			du := e.Field("duration")
			c.quantity(&du, s.Duration, "duration", DimensionDuration)
			c.positive(&du, s.Duration, "duration")
		}
	}
}

func (c checker) composition(p *fieldpath.Path, prod *Product) {
	comp := &prod.Composition
	as := p.Field("analytes")
	for i := range comp.Analytes {
		a := &comp.Analytes[i]
		e := as.Index(i)
		c.required(&e, "name", a.Name == "")
		q := e.Field("quantity")
		if a.Quantity.IsZero() {
			c.required(&e, "quantity", true)
		} else {
			c.nonNegative(&q, a.Quantity, "amount")
		}
		usable := c.quantity(&q, a.Quantity, "amount")
		if usable {
			c.share(&q, a.Quantity, "amount")
		}
		info := lookupAnalyte(a.Name)
		switch {
		case a.Name == "":
		case info != nil:
			if !a.Quantity.IsZero() && usable && !info.Fits(a.Quantity.Dimension()) {
				u := q.Field("unit")
				c.errorf(&u, CodeUnit, "problem.unit.dimension", message.Text(info.Name), text(a.Quantity.Unit), dimension(a.Quantity.Dimension()), dimList(info.Dimensions))
			}
			for j := range i {
				if o := lookupAnalyte(comp.Analytes[j].Name); o == info && comp.Analytes[j].Basis == a.Basis {
					n := e.Field("name")
					c.errorf(&n, CodeDuplicate, "problem.analyte.twice", message.Text(info.Name), quoted(comp.Analytes[j].Name), message.Int(j))
					break
				}
			}
		default:
			n := e.Field("name")
			c.infof(&n, CodeUnknownAnalyte, "problem.analyte.unknown", quoted(a.Name))
		}
	}
	if !comp.TotalProtein.IsZero() {
		tp := p.Field("total_protein")
		c.quantity(&tp, comp.TotalProtein, "total_protein", DimensionMassConcentration)
		c.nonNegative(&tp, comp.TotalProtein, "total_protein")
	}
	if v := comp.Vesicles; v != nil {
		vp := p.Field("vesicles")
		pc := vp.Field("particle_concentration")
		c.quantity(&pc, v.ParticleConcentration, "particle_concentration", DimensionParticleConcentration)
		c.nonNegative(&pc, v.ParticleConcentration, "particle_concentration")
		sm := vp.Field("size_mode")
		c.quantity(&sm, v.SizeMode, "modal_size", DimensionLength)
		c.positive(&sm, v.SizeMode, "modal_size")
		sa := vp.Field("size_mean")
		c.quantity(&sa, v.SizeMean, "mean_size", DimensionLength)
		c.positive(&sa, v.SizeMean, "mean_size")
		so := vp.Field("source_amount")
		c.quantity(&so, v.SourceAmount, "source_amount", DimensionCellCount, DimensionVolume)
		c.positive(&so, v.SourceAmount, "source_amount")
		tl := vp.Field("total_lipid")
		c.quantity(&tl, v.TotalLipid, "total_lipid", DimensionMassConcentration)
		c.nonNegative(&tl, v.TotalLipid, "total_lipid")
		c.emptyEntries(&vp, "positive_markers", v.PositiveMarkers, "positive_marker")
		c.emptyEntries(&vp, "negative_markers", v.NegativeMarkers, "negative_marker")
		for i, m := range v.Imaging {
			if m == ImagingUnspecified {
				im := vp.Field("imaging")
				e := im.Index(i)
				c.errorf(&e, CodeRequired, "problem.entry.empty", message.Term("quantity.imaging"))
			}
		}
	}
	if prod.Derivative.Type.VesicleProduct() {
		if missing, total := evSummary(prod); missing > 0 {
			c.warnf(p, CodeEVIncomplete, "problem.ev.incomplete", message.Int(missing), message.Int(total))
		}
	}
}

// evSummary counts the EV characterisation items that are missing, and
// all items. It runs only for vesicle products and builds the checklist
// once.
func evSummary(p *Product) (missing, total int) {
	cl := EVCharacterisation(p)
	return len(cl.Criteria) - cl.Count(StatusMet), len(cl.Criteria)
}

func (c checker) formulation(p *fieldpath.Path, f *Formulation) {
	c.required(p, "dosage_form", f.DosageForm == DosageFormUnspecified)
	c.required(p, "routes", len(f.Routes) == 0)
	rs := p.Field("routes")
	for i, r := range f.Routes {
		e := rs.Index(i)
		if r == RouteUnspecified {
			c.errorf(&e, CodeRequired, "problem.route.empty")
		}
		for j := range i {
			if f.Routes[j] == r {
				c.errorf(&e, CodeDuplicate, "problem.route.twice", text(r))
				break
			}
		}
	}
	if f.DosageForm == DosageFormSolutionForInjection && !anyParenteral(f.Routes) && len(f.Routes) > 0 {
		rt := p.Field("routes")
		c.errorf(&rt, CodeInconsistent, "problem.injection.route")
	}
	ex := p.Field("excipients")
	for i := range f.Excipients {
		e := ex.Index(i)
		c.required(&e, "name", f.Excipients[i].Name == "")
		q := e.Field("quantity")
		if c.quantity(&q, f.Excipients[i].Quantity, "excipient_amount") {
			c.share(&q, f.Excipients[i].Quantity, "excipient_amount")
		}
		c.nonNegative(&q, f.Excipients[i].Quantity, "excipient_amount")
	}
	if s := f.Strength; s != nil {
		sp := p.Field("strength")
		c.required(&sp, "amount", s.Amount.IsZero())
		c.required(&sp, "per", s.Per.IsZero())
		a := sp.Field("amount")
		if c.quantity(&a, s.Amount, "strength") {
			c.share(&a, s.Amount, "strength")
		}
		c.nonNegative(&a, s.Amount, "strength")
		pr := sp.Field("per")
		c.quantity(&pr, s.Per, "strength_basis", DimensionVolume, DimensionMass)
		c.positive(&pr, s.Per, "strength_basis")
	}
	if !f.FillVolume.IsZero() {
		fv := p.Field("fill_volume")
		c.quantity(&fv, f.FillVolume, "fill_volume", DimensionVolume, DimensionMass)
		c.positive(&fv, f.FillVolume, "fill_volume")
	}
}

func anyParenteral(rs []Route) bool {
	for _, r := range rs {
		if r.Parenteral() {
			return true
		}
	}
	return false
}

func (c checker) indications(p *fieldpath.Path, inds []Indication) {
	for i := range inds {
		in := &inds[i]
		e := p.Index(i)
		c.required(&e, "id", in.ID == "")
		c.required(&e, "condition", in.Condition == "")
		c.required(&e, "intent", in.Intent == IntentUnspecified)
		if in.ICD10 != "" && !ValidICD10(in.ICD10) {
			f := e.Field("icd10")
			c.errorf(&f, CodeFormat, "problem.icd10", quoted(in.ICD10))
		}
		if in.ICD11 != "" && !ValidICD11(in.ICD11) {
			f := e.Field("icd11")
			c.errorf(&f, CodeFormat, "problem.icd11", quoted(in.ICD11))
		}
		if in.Intent == IntentTherapeutic && in.ICD10 == "" && in.ICD11 == "" {
			c.warnf(&e, CodeRequired, "problem.icd.missing")
		}
		for j := range i {
			if in.ID != "" && inds[j].ID == in.ID {
				f := e.Field("id")
				c.errorf(&f, CodeDuplicate, "problem.indication.twice", quoted(in.ID), message.Int(j))
				break
			}
		}
	}
}

func (c checker) release(p *fieldpath.Path, prod *Product) {
	spec := &prod.Release
	ts := p.Field("tests")
	if len(spec.Tests) == 0 {
		c.warnf(&ts, CodeRequired, "problem.release.none")
	}
	for i := range spec.Tests {
		t := &spec.Tests[i]
		e := ts.Index(i)
		c.required(&e, "kind", t.Kind == TestUnspecified)
		if t.Kind == TestCustom {
			c.required(&e, "name", t.Name == "")
		}
		lp := e.Field("limit")
		l := &t.Limit
		switch {
		case l.Numeric() && l.Expect != OutcomeUnspecified:
			c.errorf(&lp, CodeInconsistent, "problem.limit.both")
		case !l.Numeric() && l.Expect == OutcomeUnspecified:
			c.errorf(&lp, CodeRequired, "problem.limit.none")
		}
		dims, constrained := limitDims[t.Kind]
		if constrained && len(dims) == 0 && l.Numeric() {
			c.errorf(&lp, CodeInconsistent, "problem.limit.outcome", text(t.Kind))
		}
		mn, mx := lp.Field("min"), lp.Field("max")
		c.quantity(&mn, l.Min, "lower_limit", dims...)
		c.quantity(&mx, l.Max, "upper_limit", dims...)
		if !l.Min.IsZero() && !l.Max.IsZero() {
			if cmp, err := l.Min.Cmp(l.Max); err != nil {
				c.errorf(&lp, CodeUnit, "problem.limit.compare", message.Text(err.Error()))
			} else if cmp > 0 {
				c.errorf(&lp, CodeRange, "problem.limit.order", text(l.Min), text(l.Max))
			}
		}
		for j := range i {
			o := &spec.Tests[j]
			if o.Kind == t.Kind && t.Kind != TestUnspecified && (t.Kind != TestCustom || strings.EqualFold(o.Name, t.Name)) {
				c.errorf(&e, CodeDuplicate, "problem.test.twice", message.Text(t.Label()), message.Int(j))
				break
			}
		}
	}
}

func (c checker) batches(p *fieldpath.Path, prod *Product) {
	for i := range prod.Batches {
		b := &prod.Batches[i]
		e := p.Index(i)
		c.required(&e, "id", b.ID == "")
		for _, d := range [...]struct {
			field string
			date  Date
		}{{"manufactured", b.Manufactured}, {"expiry", b.Expiry}} {
			if !d.date.IsZero() && !d.date.valid() {
				f := e.Field(d.field)
				c.errorf(&f, CodeFormat, "problem.date", message.Text(fmt.Sprintf("%04d-%02d-%02d", d.date.Year, int(d.date.Month), d.date.Day)))
			}
		}
		if !b.Manufactured.IsZero() && !b.Expiry.IsZero() && !b.Expiry.After(b.Manufactured) {
			x := e.Field("expiry")
			c.errorf(&x, CodeRange, "problem.expiry", text(b.Expiry), text(b.Manufactured))
		}
		for j := range i {
			if b.ID != "" && prod.Batches[j].ID == b.ID {
				f := e.Field("id")
				c.errorf(&f, CodeDuplicate, "problem.batch.twice", quoted(b.ID), message.Int(j))
				break
			}
		}
		rs := e.Field("results")
		for k := range b.Results {
			r := &b.Results[k]
			re := rs.Index(k)
			c.required(&re, "kind", r.Kind == TestUnspecified)
			if r.Value.IsZero() && r.Outcome == OutcomeUnspecified {
				c.errorf(&re, CodeRequired, "problem.result.empty")
			}
			v := re.Field("value")
			c.quantity(&v, r.Value, "result")
			if r.BelowDetection && r.Value.IsZero() {
				c.errorf(&v, CodeRequired, "problem.result.lod")
			}
			for j := range k {
				if r.Kind != TestUnspecified && b.Results[j].sameTest(r) {
					c.errorf(&re, CodeDuplicate, "problem.result.twice", message.Text(r.label()), message.Int(j))
					break
				}
			}
		}
		if len(prod.Release.Tests) == 0 {
			continue
		}
		for _, d := range prod.Release.Conformance(b) {
			path := e.String()
			if d.Kind != DeviationMissing {
				path = fieldpath.Join(path, d.Path)
			}
			c.ps.AddText(path, SeverityError, CodeBatchDeviation, message.New("problem.deviation", text(d.Kind), message.Text(d.Message)))
		}
	}
}

func (c checker) storage(p *fieldpath.Path, s *Storage) {
	mn, mx := p.Field("min"), p.Field("max")
	c.quantity(&mn, s.Min, "storage_temperature", DimensionTemperature)
	c.quantity(&mx, s.Max, "storage_temperature", DimensionTemperature)
	if s.Min.IsZero() && s.Max.IsZero() {
		c.errorf(p, CodeRequired, "problem.storage.none")
	}
	if !s.Min.IsZero() && !s.Max.IsZero() {
		if cmp, err := s.Min.Cmp(s.Max); err == nil && cmp > 0 {
			c.errorf(p, CodeRange, "problem.storage.order", text(s.Min), text(s.Max))
		}
	}
}

func (c checker) price(p *fieldpath.Path, pr *Price) {
	a := p.Field("amount")
	if c.number(&a, pr.Amount, "price") && !pr.Amount.IsPositive() {
		c.errorf(&a, CodeRange, "problem.price", message.Text(asWritten(pr.Amount)))
	}
	if !validCurrency(pr.Currency) {
		cu := p.Field("currency")
		c.errorf(&cu, CodeFormat, "problem.currency", quoted(pr.Currency))
	}
	c.required(p, "per", pr.Per == "")
}

func validCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
