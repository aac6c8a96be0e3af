package regulation_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/regulation"
	"github.com/openregen/secretomekit/secretome"
)

// Assess a dossier and read the findings in Bahasa Indonesia: Localize
// renders every message from its code and arguments in the language of
// the tag. Rule IDs, paths and verdicts stay as they are.
func ExampleReport_Localize() {
	data, err := os.ReadFile("testdata/seed_wound_gel.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := regulation.DecodeDossier(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := regulation.Assess(d, regulation.Options{
		Jurisdictions: []string{"ID"},
		AsOf:          secretome.MustParseDate("2026-11-26"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	id := rep.Localize(language.MustParse("id-ID")).Jurisdiction("ID")
	fmt.Println(id.Name+":", id.Classification)
	for _, u := range id.Uses {
		fmt.Printf("penggunaan %d: %s\n", u.Index, message.Name("verdict", u.Verdict.String(), message.Indonesian))
		for _, m := range u.Missing {
			fmt.Println("  belum ada:", m)
		}
	}
	for _, f := range id.Findings {
		fmt.Printf("%s %s: %s\n", f.RuleID, f.Path, f.Text())
	}
	// Output:
	// Indonesia: produk terapi berbasis sel bila digunakan sebagai terapi (sekretom dan vesikel ekstraseluler disebut dalam PP 28/2024); produk biologi kategori terapi advanced (ATMP) bagi BPOM; penggunaannya memerlukan persetujuan Menteri Kesehatan dan BPOM
	// penggunaan 0: diizinkan
	// penggunaan 1: dilarang
	// penggunaan 2: dilarang
	// penggunaan 3: tidak diketahui
	// ID-PP28-RESEARCH uses[0].class: penelitian laboratorium atas produk ini diperbolehkan
	// ID-PP28-PROCESSING manufacturer.sites: tidak ada tempat produksi yang menunjukkan sertifikat CPOB Indonesia yang berlaku dan dosier tidak memuat izin pengolahan dari Menteri; produk untuk penggunaan klinis diolah sesuai CPOB di fasilitas berizin atau oleh industri farmasi bersertifikat CPOB
	// ID-PP28-CLINICAL-ROUTES authorisations[0]: penelitian berbasis pelayanan di fasilitas pelayanan kesehatan yang ditetapkan Menteri Kesehatan
	// ID-BPOM-8-2025-NIE uses[2].class: produk terapi advanced tidak boleh diedarkan tanpa izin edar BPOM (NIE); dosier tidak memuat izin edar (NIE)
	// ID-PP28-PROCESSING manufacturer.sites: tidak ada tempat produksi yang menunjukkan sertifikat CPOB Indonesia yang berlaku dan dosier tidak memuat izin pengolahan dari Menteri; produk untuk penggunaan klinis diolah sesuai CPOB di fasilitas berizin atau oleh industri farmasi bersertifikat CPOB
	// ID-BPOM-COSMETIC-HUMAN-ORIGIN uses[3].class: tidak ditemukan: peraturan atau pernyataan BPOM tentang sekretom atau eksosom dalam kosmetika; belum diverifikasi: apakah daftar bahan yang dilarang dalam kosmetika dari BPOM (mengikuti ASEAN Annex II) menyebut sel, jaringan atau produk yang berasal dari manusia, yang akan melarang sekretom dari sel manusia
}
