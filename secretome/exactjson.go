package secretome

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// The plain decimals of a product (a price, a percentage of cells, a
// cut-off, a centrifugal force) are written to JSON with every digit they
// hold, as quantities are: decimal.Decimal's own encoding drops trailing
// zeros ("99.10" would come back as "99.1"), which would change what the
// document said. The types below carry the three structs that hold such
// decimals through encoding/json in the same field order as the structs.

// exactDecimal encodes a decimal as a JSON string of its digits as held.
type exactDecimal decimal.Decimal

// MarshalJSON writes the digits as held; a value beyond the bounds that
// quantities obey is an error rather than a string of thousands of digits.
func (d exactDecimal) MarshalJSON() ([]byte, error) {
	v := decimal.Decimal(d)
	if err := checkRange(v); err != nil {
		return nil, err
	}
	b := append(make([]byte, 0, 24), '"')
	b = appendNumber(b, v)
	return append(b, '"'), nil
}

// exactNullDecimal is exactDecimal for an optional value; absent encodes
// as null. Its zero value is the zero decimal.NullDecimal, so omitzero
// omits the same values.
type exactNullDecimal decimal.NullDecimal

// MarshalJSON writes null when the value is absent, and the digits as held
// otherwise.
func (d exactNullDecimal) MarshalJSON() ([]byte, error) {
	if !d.Valid {
		return []byte("null"), nil
	}
	return exactDecimal(d.Decimal).MarshalJSON()
}

// MarshalJSON encodes the price with its amount's digits as held, such as
// {"amount":"1250000.00","currency":"IDR","per":"tube of 10 g"}.
func (p Price) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Amount   exactDecimal `json:"amount"`
		Currency string       `json:"currency"`
		Per      string       `json:"per"`
	}{exactDecimal(p.Amount), p.Currency, p.Per})
}

// MarshalJSON encodes the marker with its percentage's digits as held.
func (m Marker) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name            string           `json:"name"`
		PercentPositive exactNullDecimal `json:"percent_positive"`
	}{m.Name, exactNullDecimal(m.PercentPositive)})
}

// MarshalJSON encodes the step with its cut-off's and force's digits as
// held.
func (s ProcessingStep) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Step      StepKind         `json:"step"`
		PoreSize  Quantity         `json:"pore_size,omitzero"`
		CutoffKDa exactNullDecimal `json:"cutoff_kda,omitzero"`
		ForceG    exactNullDecimal `json:"force_g,omitzero"`
		Duration  Quantity         `json:"duration,omitzero"`
		Detail    string           `json:"detail,omitempty"`
	}{s.Step, s.PoreSize, exactNullDecimal(s.CutoffKDa), exactNullDecimal(s.ForceG), s.Duration, s.Detail})
}
