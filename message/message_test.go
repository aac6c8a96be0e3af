package message_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
)

// TestCatalogueComplete fails when a code lacks its Indonesian (or
// English) text, is listed twice, or when its two templates use different
// placeholders. Add the missing text to the table that holds the code.
func TestCatalogueComplete(t *testing.T) {
	assert.Empty(t, message.Problems())
	assert.NotEmpty(t, message.Codes())
}

func TestMatch(t *testing.T) {
	tests := []struct {
		tag  string
		want language.Tag
		why  string
	}{
		{"id", message.Indonesian, "Indonesian"},
		{"id-ID", message.Indonesian, "Indonesian as used in Indonesia"},
		{"en", message.English, "English"},
		{"en-AU", message.English, "a regional English"},
		{"ja", message.English, "an unsupported language falls back to English"},
		{"und", message.English, "no language"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, message.Match(language.MustParse(tt.tag)), tt.why)
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		m      message.Message
		en, id string
		why    string
	}{
		{message.New("auth.none", message.Term("what.nie")), "the dossier holds no NIE", "dosier tidak memuat izin edar (NIE)", "a term in each language"},
		{message.New("quality.claim.very_low", message.Count{N: 3, Noun: "noun.study"}),
			"rests only on very-low-certainty evidence: GRADE rates the 3 studies it cites very low",
			"hanya bertumpu pada bukti dengan kepastian sangat rendah: GRADE menilai 3 studi yang dikutipnya sangat rendah", "a plural in English, none in Indonesian"},
		{message.New("cli.finding_use", message.Int(1), message.New("id.routes.research")),
			"use 1: service-based research in a facility the Minister of Health designated",
			"penggunaan 1: penelitian berbasis pelayanan di fasilitas pelayanan kesehatan yang ditetapkan Menteri Kesehatan", "a nested message follows the language"},
		{message.New("cli.unassessed", message.And{message.Int(1), message.Int(2), message.Int(3)}),
			"not assessed (no rules of their jurisdiction were applied): use 1, 2 and 3",
			"tidak dinilai (tidak ada aturan yurisdiksinya yang diterapkan): penggunaan 1, 2 dan 3", "a list joined in the language"},
		{message.New("id.injection.unqualified", message.Enum("administrator", "beautician")),
			"delivery of secretome into people by needle or microneedle, by a beautician rather than a physician or dentist, matches the practice BPOM and the police shut down in the Magelang case",
			"pemberian sekretom ke tubuh manusia dengan jarum atau microneedle oleh ahli kecantikan, bukan oleh dokter atau dokter gigi, sesuai dengan praktik yang dihentikan BPOM dan kepolisian dalam kasus Magelang",
			"an enumeration by its display name"},
		{message.Plain("a host's own words"), "a host's own words", "a host's own words", "plain text is the same in every language"},
		{message.New("no.such.code", message.Text("x")), "no.such.code x", "no.such.code x", "an unknown code shows its code and arguments"},
		{message.Message{}, "", "", "the zero message is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.en, tt.m.String())
			assert.Equal(t, tt.en, tt.m.In(language.English))
			assert.Equal(t, tt.id, tt.m.In(language.Indonesian))
		})
	}
}

func TestUncatalogued(t *testing.T) {
	assert.Empty(t, message.New("auth.gateway", message.New("id.marketed.rule"), message.New("auth.none", message.Term("what.nie")), message.Message{}).Uncatalogued())
	assert.Equal(t, []string{"nope", "term.nope", "plain: words"},
		message.New("nope", message.Term("term.nope"), message.Plain("words")).Uncatalogued())
}

func TestMessageJSON(t *testing.T) {
	b, err := json.Marshal(message.New("quality.claim.marketed", message.New("quality.claim.very_low", message.Count{N: 2, Noun: "noun.study"}), message.Text("x"), message.Int(3)))
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"quality.claim.marketed","args":[{"code":"quality.claim.very_low","args":[{"count":2,"noun":"noun.study"}]},"x",3]}`, string(b))
}

// TestMessageJSONRoundTrip checks that a message read back from its JSON
// is the same message and renders the same in every language, and that
// arguments of no known kind are rejected.
func TestMessageJSONRoundTrip(t *testing.T) {
	tests := []struct {
		m   message.Message
		why string
	}{
		{message.New("auth.none", message.Term("what.nie")), "a term"},
		{message.New("quality.claim.very_low", message.Count{N: 3, Noun: "noun.study"}), "a count"},
		{message.New("cli.finding_use", message.Int(1), message.New("id.routes.research")), "a whole number and a nested message"},
		{message.New("cli.unassessed", message.And{message.Int(1), message.Int(2), message.Text("c")}), "a list with and"},
		{message.New("cli.unassessed", message.Or{message.Text("a"), message.Term("what.nie")}), "a list with or"},
		{message.New("auth.gateway", message.New("id.marketed.rule"), message.New("auth.none", message.Term("what.nie")), message.Message{}), "an empty nested message"},
		{message.Plain("a host's own words"), "a plain text"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			b, err := json.Marshal(tt.m)
			require.NoError(t, err)
			var back message.Message
			require.NoError(t, json.Unmarshal(b, &back), "%s", b)
			assert.Equal(t, tt.m.String(), back.String())
			assert.Equal(t, tt.m.In(message.Indonesian), back.In(message.Indonesian))
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(again))
		})
	}
	bad := []struct{ in, why string }{
		{`{"args":[]}`, "a message needs a code"},
		{`{"code":"x","args":[true]}`, "a boolean is no argument"},
		{`{"code":"x","args":[1.5]}`, "a number must be whole"},
		{`{"code":"x","args":[{"colour":"red"}]}`, "an object of no known kind"},
		{`{"code":"x","args":[{"count":2}]}`, "a count needs its noun"},
		{`{"code":"x","args":[{"term":"a","and":[]}]}`, "one kind per object"},
	}
	for _, tt := range bad {
		var m message.Message
		assert.Error(t, json.Unmarshal([]byte(tt.in), &m), tt.why)
	}
}

// TestMessageJSONText checks that texts of every kind survive the JSON
// form: quotes, backslashes, control characters, non-ASCII letters and
// invalid UTF-8 (read back as U+FFFD, as encoding/json does).
func TestMessageJSONText(t *testing.T) {
	for _, s := range []string{"plain", `a "quoted" \ path`, "tab\tnew\nline\rcr\x00\x1f\x7f", "Dosier <&> ü 中 \u2028", "bad \xff utf-8", ""} {
		m := message.New("x", message.Text(s), message.Term(s), message.Count{N: -2, Noun: s})
		b, err := json.Marshal(m)
		require.NoError(t, err)
		require.True(t, json.Valid(b), "%q", b)
		var back message.Message
		require.NoError(t, json.Unmarshal(b, &back))
		want := strings.ToValidUTF8(s, "\uFFFD")
		assert.Equal(t, message.New("x", message.Text(want), message.Term(want), message.Count{N: -2, Noun: want}), back, "%q", s)
	}
}
