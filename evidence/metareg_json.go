package evidence

import "encoding/json"

// modelJSON is the JSON form of a Model under metafor's names.
type modelJSON struct {
	Measure Measure     `json:"measure"`
	Method  string      `json:"method"`
	Test    string      `json:"test"`
	Level   float64     `json:"level"`
	K       int         `json:"k"`
	P       int         `json:"p"`
	Names   []string    `json:"names"`
	B       []float64   `json:"b"`
	SE      []float64   `json:"se"`
	Zval    []float64   `json:"zval,omitempty"`
	Tval    []float64   `json:"tval,omitempty"`
	DDF     int         `json:"ddf,omitempty"`
	Pval    []float64   `json:"pval"`
	CILB    []float64   `json:"ci.lb"`
	CIUB    []float64   `json:"ci.ub"`
	PILB    *float64    `json:"pi.lb,omitempty"`
	PIUB    *float64    `json:"pi.ub,omitempty"`
	VB      [][]float64 `json:"vb"`
	Tau2    float64     `json:"tau2"`
	SETau2  float64     `json:"se.tau2"`
	Tau     float64     `json:"tau"`
	I2      float64     `json:"I2"`
	H2      float64     `json:"H2"`
	R2      *float64    `json:"R2,omitempty"`
	QE      float64     `json:"QE"`
	QEdf    int         `json:"QEdf"`
	QEp     float64     `json:"QEp"`
	QM      float64     `json:"QM"`
	QMdf    []int       `json:"QMdf"`
	QMp     float64     `json:"QMp"`
	Weights []float64   `json:"weights"`
	Iter    int         `json:"iter"`
}

// MarshalJSON encodes the model under metafor's names: method and test as
// metafor spells them ("REML", "knha"), the coefficient table as the
// parallel arrays b, se, zval (tval under Knapp-Hartung), pval, ci.lb and
// ci.ub, and tau2, se.tau2, I2, H2, R2, QE, QEp, QM, QMdf and QMp.
func (m *Model) MarshalJSON() ([]byte, error) {
	j := modelJSON{
		Measure: m.Measure, Method: metaforMethod(m.Method), Test: "z", Level: m.Level, K: m.K, P: m.P,
		VB: m.VCov, Tau2: m.Tau2, SETau2: m.SETau2, Tau: m.Tau, I2: m.I2, H2: m.H2,
		QE: m.QE, QEdf: m.QEDF, QEp: m.QEP, QM: m.QM, QMp: m.QMP, Weights: m.Weights, Iter: m.Iterations,
		QMdf: []int{m.QMDF},
	}
	stat := make([]float64, m.P)
	for _, c := range m.Coefficients {
		j.Names = append(j.Names, c.Name)
		j.B = append(j.B, c.Estimate)
		j.SE = append(j.SE, c.SE)
		j.Pval = append(j.Pval, c.P)
		j.CILB = append(j.CILB, c.CI.Lower)
		j.CIUB = append(j.CIUB, c.CI.Upper)
	}
	for i, c := range m.Coefficients {
		stat[i] = c.Statistic
	}
	if m.HartungKnapp {
		j.Test, j.Tval, j.DDF = "knha", stat, m.DF
		j.QMdf = append(j.QMdf, m.DF)
	} else {
		j.Zval = stat
	}
	if m.PI != nil {
		j.PILB, j.PIUB = &m.PI.Lower, &m.PI.Upper
	}
	if m.HasR2 {
		j.R2 = &m.R2
	}
	return json.Marshal(j)
}
