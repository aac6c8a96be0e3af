package evidence

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/openregen/secretomekit/secretome"
)

// FuzzFit checks that fitting a model, with or without moderators, and
// every follow-up analysis either succeed with figures that encode as
// JSON (no NaN or infinity) or fail with a validation error or
// ErrNotConverged; nothing panics.
func FuzzFit(f *testing.F) {
	f.Add([]byte{0x01, 0x00, 30, 0, 0xff, 0x00, 31, 128, 0x00, 0x10, 35, 5, 0x02, 0x00, 33, 7}, []byte{1, 2, 3, 4}, uint8(0), false)
	f.Add([]byte{0x7f, 0xff, 0, 0, 0x80, 0x00, 59, 255, 0x00, 0x00, 40, 0}, []byte{0, 0, 1}, uint8(3), true)
	f.Add([]byte{0x03, 0xe8, 20, 9, 0x03, 0xe8, 50, 9, 0x03, 0xe8, 40, 9, 0x01, 0x00, 40, 9, 0x05, 0x00, 41, 1}, []byte{9, 9, 9, 9, 9}, uint8(5), false)
	f.Fuzz(func(t *testing.T, data, mod []byte, method uint8, knha bool) {
		effects := fuzzEffects(data)
		var mods []Moderator
		if len(mod) >= len(effects) && len(effects) > 0 {
			x := make([]float64, len(effects))
			g := make([]string, len(effects))
			for i := range x {
				x[i] = float64(int8(mod[i]))
				g[i] = string(rune('a' + mod[i]%3))
			}
			mods = []Moderator{{Name: "x", Values: x}}
			if len(mod) > len(effects) && mod[len(effects)]%2 == 1 {
				mods = append(mods, Moderator{Name: "g", Levels: g})
			}
		}
		opts := FitOptions{PoolOptions: PoolOptions{Method: Method(method % uint8(len(methodNames))), HartungKnapp: knha}}
		ok := func(err error) bool {
			if err == nil {
				return true
			}
			if _, isVE := secretome.AsValidationError(err); !isVE && !errors.Is(err, ErrNotConverged) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return false
		}
		encodes := func(v any) {
			if _, err := json.Marshal(v); err != nil {
				t.Fatalf("%T does not encode: %v\n%+v", v, err, v)
			}
		}
		for _, ms := range [][]Moderator{nil, mods} {
			m, err := Fit(effects, ms, opts)
			if !ok(err) {
				continue
			}
			if _, err := json.Marshal(m); err != nil {
				t.Fatalf("model does not encode: %v\n%+v", err, m)
			}
			if ci, err := m.ConfInt(); ok(err) {
				encodes(ci)
			}
			if r, err := m.RegTest(); ok(err) {
				encodes(r)
			}
			if r, err := m.RankTest(); ok(err) {
				encodes(r)
			}
			if r, err := m.Influence(); ok(err) {
				encodes(r)
			}
			if ms == nil {
				if r, err := m.TrimFill(TrimFillOptions{}); ok(err) {
					encodes(r)
				}
				if r, err := m.LeaveOneOut(); ok(err) {
					encodes(r)
				}
			}
		}
	})
}
