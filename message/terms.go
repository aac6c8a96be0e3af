package message

// terms are the display names of the library's enumerations, jurisdiction
// names and nouns, in English and Bahasa Indonesia. A term's code is
// "<kind>.<stable spelling>" (see Enum).
var terms = []entry{
	// Jurisdictions.
	{"jurisdiction.AU", "Australia", "Australia"},
	{"jurisdiction.EU", "European Union", "Uni Eropa"},
	{"jurisdiction.ID", "Indonesia", "Indonesia"},
	{"jurisdiction.JP", "Japan", "Jepang"},
	{"jurisdiction.KR", "South Korea", "Korea Selatan"},
	{"jurisdiction.QUALITY", "Quality baseline (every jurisdiction)", "Acuan mutu (semua yurisdiksi)"},
	{"jurisdiction.TW", "Taiwan", "Taiwan"},
	{"jurisdiction.US", "United States", "Amerika Serikat"},

	// Severities and verdicts.
	{"severity.info", "info", "informasi"},
	{"severity.warning", "warning", "peringatan"},
	{"severity.error", "error", "kesalahan"},
	{"verdict.unknown", "unknown", "tidak diketahui"},
	{"verdict.permitted", "permitted", "diizinkan"},
	{"verdict.permitted_with_conditions", "permitted with conditions", "diizinkan dengan syarat"},
	{"verdict.prohibited", "prohibited", "dilarang"},
	{"provenance.primary", "primary", "primer"},
	{"provenance.secondary", "secondary", "sekunder"},
	{"provenance.inferred", "inferred", "disimpulkan"},

	// Uses.
	{"use_class.research", "research", "penelitian"},
	{"use_class.clinical_trial", "clinical trial", "uji klinik"},
	{"use_class.hospital_service", "hospital service", "pelayanan di rumah sakit"},
	{"use_class.marketed_therapeutic", "marketed therapeutic", "produk terapi yang diedarkan"},
	{"use_class.cosmetic", "cosmetic", "kosmetik"},
	{"setting.hospital", "hospital", "rumah sakit"},
	{"setting.designated_hospital", "designated hospital", "rumah sakit yang ditetapkan"},
	{"setting.clinic", "clinic", "klinik"},
	{"setting.beauty_clinic", "beauty clinic", "klinik kecantikan"},
	{"setting.home", "home", "rumah"},
	{"setting.laboratory", "laboratory", "laboratorium"},
	{"administrator.physician", "physician", "dokter"},
	{"administrator.dentist", "dentist", "dokter gigi"},
	{"administrator.nurse", "nurse", "perawat"},
	{"administrator.veterinarian", "veterinarian", "dokter hewan"},
	{"administrator.beautician", "beautician", "ahli kecantikan"},
	{"administrator.patient", "patient", "pasien"},

	// Authorisations.
	{"authorisation_kind.marketing_authorisation", "marketing authorisation", "izin edar"},
	{"authorisation_kind.nie", "BPOM marketing authorisation (NIE)", "izin edar BPOM (NIE)"},
	{"authorisation_kind.bla", "biologics licence (BLA)", "lisensi produk biologi (BLA)"},
	{"authorisation_kind.ind", "investigational new drug application (IND)", "permohonan obat baru untuk penelitian (IND)"},
	{"authorisation_kind.cta", "clinical trial authorisation", "persetujuan pelaksanaan uji klinik"},
	{"authorisation_kind.artg", "ARTG entry", "pencantuman dalam ARTG"},
	{"authorisation_kind.special_access", "special access approval", "persetujuan akses khusus"},
	{"authorisation_kind.cosmetic_notification", "cosmetic notification", "notifikasi kosmetika"},
	{"authorisation_kind.cosmetic_ingredient_approval", "cosmetic ingredient approval", "persetujuan bahan kosmetika"},
	{"authorisation_kind.hospital_designation", "designation for service-based research", "penetapan untuk penelitian berbasis pelayanan"},
	{"authorisation_kind.facility_licence", "facility licence", "izin fasilitas"},
	{"authorisation_kind.ethics_approval", "ethics committee approval", "persetujuan komisi etik"},
	{"authorisation_kind.treatment_plan", "approved treatment plan", "rencana pengobatan yang disetujui"},
	{"authorisation_kind.mfds_culture_medium_records", "MFDS culture-medium records", "catatan medium kultur MFDS"},

	// Product.
	{"route.topical", "topical", "topikal"},
	{"route.topical_wound", "topical on a wound", "topikal pada luka"},
	{"route.microneedling", "microneedling", "microneedling"},
	{"route.intradermal", "intradermal", "intradermal"},
	{"route.subcutaneous", "subcutaneous", "subkutan"},
	{"route.intramuscular", "intramuscular", "intramuskular"},
	{"route.intravenous", "intravenous", "intravena"},
	{"route.intra_articular", "intra-articular", "intraartikular"},
	{"route.intrathecal", "intrathecal", "intratekal"},
	{"route.ophthalmic", "ophthalmic", "oftalmik"},
	{"route.intranasal", "intranasal", "intranasal"},
	{"route.inhalation", "inhalation", "inhalasi"},
	{"route.local_implant", "local implant", "implan lokal"},
	{"intent.therapeutic", "therapeutic", "terapeutik"},
	{"intent.cosmetic", "cosmetic", "kosmetik"},
	{"intent.research", "research", "penelitian"},
	{"certainty.not_graded", "not graded", "tidak dinilai"},
	{"certainty.very_low", "very low", "sangat rendah"},
	{"certainty.low", "low", "rendah"},
	{"certainty.moderate", "moderate", "sedang"},
	{"certainty.high", "high", "tinggi"},

	// Nouns for Count.
	{"noun.study", "study|studies", "studi"},
	{"noun.item", "item|items", "butir"},
	{"noun.dossier", "dossier|dossiers", "dosier"},
	{"noun.error", "error|errors", "kesalahan"},
	{"noun.warning", "warning|warnings", "peringatan"},
	{"noun.note", "note|notes", "catatan"},
}
