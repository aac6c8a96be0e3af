package secretome

import "github.com/openregen/secretomekit/internal/enum"

// Holding says whether a fact a verdict turns on holds, where "not held"
// and "not stated" must not look the same: a GMP certificate, a licence,
// an authorisation, an ethics approval, donor testing. Rules treat the
// three differently: what is held opens a route, what is stated not held
// closes it, and what is not stated leaves a condition to show.
type Holding uint8

// The holdings. The zero value means not stated.
const (
	// HoldingNotStated: the dossier does not say ("" or left out).
	HoldingNotStated Holding = iota
	// Held: the fact holds; the certificate, licence or approval is held,
	// the testing was done ("held").
	Held
	// NotHeld: the dossier states that it does not hold: no certificate,
	// no licence, no approval, no testing ("not_held").
	NotHeld
)

var holdingNames = enum.New[Holding]("holding", "", "held", "not_held")

// String returns "held", "not_held" or "" (not stated).
func (h Holding) String() string { return holdingNames.Name(h) }

// MarshalText encodes the stable spelling.
func (h Holding) MarshalText() ([]byte, error) { return holdingNames.Marshal(h) }

// UnmarshalText decodes a stable spelling; anything else is an *EnumError.
func (h *Holding) UnmarshalText(b []byte) error { return holdingNames.Unmarshal(h, b) }

// Values lists the accepted spellings.
func (Holding) Values() []string { return holdingNames.Values() }

// Stated reports whether the dossier says either way.
func (h Holding) Stated() bool { return h == Held || h == NotHeld }
