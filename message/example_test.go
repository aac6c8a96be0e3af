package message_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
)

// A message is a code and typed arguments; it renders in the language
// asked for.
func ExampleMessage_In() {
	m := message.New("auth.gateway",
		message.New("id.marketed.rule"),
		message.New("auth.expired", message.Term("what.nie")),
		message.Message{})
	fmt.Println(m.In(language.English))
	fmt.Println(m.In(language.MustParse("id-ID")))
	// Output:
	// an advanced therapy product may not be marketed without a BPOM marketing authorisation (NIE); the NIE in the dossier is not valid on the assessment date
	// produk terapi advanced tidak boleh diedarkan tanpa izin edar BPOM (NIE); izin edar (NIE) dalam dosier tidak berlaku pada tanggal penilaian
}
