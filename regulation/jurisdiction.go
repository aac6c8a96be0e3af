package regulation

import (
	"strings"
)

// iso3166 holds every officially assigned ISO 3166-1 country code, as its
// alpha-2 code followed by its alpha-3 code, in alpha-2 order (249 codes,
// ISO 3166-1:2020 with its newsletters up to 2024). It is immutable.
const iso3166 = "" +
	"ADANDAEAREAFAFGAGATGAIAIAALALBAMARMAOAGOAQATAARARGASASMATAUTAUAUSAWABW" +
	"AXALAAZAZEBABIHBBBRBBDBGDBEBELBFBFABGBGRBHBHRBIBDIBJBENBLBLMBMBMUBNBRN" +
	"BOBOLBQBESBRBRABSBHSBTBTNBVBVTBWBWABYBLRBZBLZCACANCCCCKCDCODCFCAFCGCOG" +
	"CHCHECICIVCKCOKCLCHLCMCMRCNCHNCOCOLCRCRICUCUBCVCPVCWCUWCXCXRCYCYPCZCZE" +
	"DEDEUDJDJIDKDNKDMDMADODOMDZDZAECECUEEESTEGEGYEHESHERERIESESPETETHFIFIN" +
	"FJFJIFKFLKFMFSMFOFROFRFRAGAGABGBGBRGDGRDGEGEOGFGUFGGGGYGHGHAGIGIBGLGRL" +
	"GMGMBGNGINGPGLPGQGNQGRGRCGSSGSGTGTMGUGUMGWGNBGYGUYHKHKGHMHMDHNHNDHRHRV" +
	"HTHTIHUHUNIDIDNIEIRLILISRIMIMNININDIOIOTIQIRQIRIRNISISLITITAJEJEYJMJAM" +
	"JOJORJPJPNKEKENKGKGZKHKHMKIKIRKMCOMKNKNAKPPRKKRKORKWKWTKYCYMKZKAZLALAO" +
	"LBLBNLCLCALILIELKLKALRLBRLSLSOLTLTULULUXLVLVALYLBYMAMARMCMCOMDMDAMEMNE" +
	"MFMAFMGMDGMHMHLMKMKDMLMLIMMMMRMNMNGMOMACMPMNPMQMTQMRMRTMSMSRMTMLTMUMUS" +
	"MVMDVMWMWIMXMEXMYMYSMZMOZNANAMNCNCLNENERNFNFKNGNGANINICNLNLDNONORNPNPL" +
	"NRNRUNUNIUNZNZLOMOMNPAPANPEPERPFPYFPGPNGPHPHLPKPAKPLPOLPMSPMPNPCNPRPRI" +
	"PSPSEPTPRTPWPLWPYPRYQAQATREREUROROURSSRBRURUSRWRWASASAUSBSLBSCSYCSDSDN" +
	"SESWESGSGPSHSHNSISVNSJSJMSKSVKSLSLESMSMRSNSENSOSOMSRSURSSSSDSTSTPSVSLV" +
	"SXSXMSYSYRSZSWZTCTCATDTCDTFATFTGTGOTHTHATJTJKTKTKLTLTLSTMTKMTNTUNTOTON" +
	"TRTURTTTTOTVTUVTWTWNTZTZAUAUKRUGUGAUMUMIUSUSAUYURYUZUZBVAVATVCVCTVEVEN" +
	"VGVGBVIVIRVNVNMVUVUTWFWLFWSWSMYEYEMYTMYTZAZAFZMZMBZWZWE"

// CodeEU is the jurisdiction code of the European Union, which is not an
// ISO 3166-1 country but is where EU law applies.
const CodeEU = "EU"

// IsCountry reports whether code is an officially assigned ISO 3166-1
// alpha-2 country code, such as "ID" or "US". Case matters: "us" is not.
func IsCountry(code string) bool { return iso3166Index(code) >= 0 }

// iso3166Index returns the offset of the alpha-2 code in iso3166, or -1.
func iso3166Index(code string) int {
	if len(code) != 2 {
		return -1
	}
	// The two letters compare as one number, in the same order as the
	// strings, without a call to compare strings at each step.
	want := uint16(code[0])<<8 | uint16(code[1])
	lo, hi := 0, len(iso3166)/5
	for lo < hi {
		m := (lo + hi) / 2
		switch c := uint16(iso3166[m*5])<<8 | uint16(iso3166[m*5+1]); {
		case c == want:
			return m * 5
		case c < want:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
}

// IsJurisdiction reports whether code names a jurisdiction every dossier
// may use without a host registering it: an ISO 3166-1 alpha-2 country
// code or "EU".
func IsJurisdiction(code string) bool { return code == CodeEU || IsCountry(code) }

// SuggestJurisdiction returns the jurisdiction code someone most likely
// meant by s, or "" when there is no good guess: the alpha-2 code of an
// ISO 3166-1 alpha-3 code ("USA" gives "US"), s in upper case ("id" gives
// "ID"), "GB" for "UK" and "GR" for "EL".
func SuggestJurisdiction(s string) string {
	u := strings.ToUpper(strings.TrimSpace(s))
	if u != s && IsJurisdiction(u) {
		return u
	}
	switch u {
	case "UK": // the United Kingdom's internet domain
		return "GB"
	case "EL": // the EU's own code for Greece
		return "GR"
	}
	if len(u) == 3 {
		for i := 0; i+5 <= len(iso3166); i += 5 {
			if iso3166[i+2:i+5] == u {
				return iso3166[i : i+2]
			}
		}
	}
	return ""
}

// Countries lists the officially assigned ISO 3166-1 alpha-2 codes, in
// order: the codes IsCountry accepts.
func Countries() []string {
	out := make([]string, 0, len(iso3166)/5)
	for i := 0; i+5 <= len(iso3166); i += 5 {
		out = append(out, iso3166[i:i+2])
	}
	return out
}
