package main

// isoCodes are the 249 officially assigned ISO 3166-1 alpha-2 codes.
const isoCodes = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW
`

// isoCount is how many codes isoCodes must hold.
const isoCount = 249

// Kosovo, worldwide and unknown are not in ISO 3166-1 but are countries
// here. ZZ (CLDR's unknown region) holds installs a store could not place
// (the Play Console's rows with an empty country): kept, and counted in a
// sum of the countries, never dropped.
const (
	kosovo    = "XK"
	worldwide = "WW"
	unknown   = "ZZ"
)

// extraAlpha3 are alpha-3 codes CLDR does not give: Kosovo has none in
// ISO 3166-1; XKX is the one most data sets use (CLDR's XKK is an alias).
var extraAlpha3 = map[string]string{kosovo: "XKX", worldwide: "", unknown: ""}

// shown are the names to show where CLDR's English name (as x/text has
// it) is out of date, long or ambiguous.
var shown = map[string]string{
	"CD":      "DR Congo",
	"CG":      "Congo",
	"CI":      "Côte d'Ivoire",
	"CV":      "Cabo Verde",
	"GS":      "South Georgia", // CLDR's 38 letters fit no table
	"HK":      "Hong Kong",
	"MK":      "North Macedonia",
	"MM":      "Myanmar",
	"MO":      "Macao",
	"PS":      "Palestine",
	"SZ":      "Eswatini",
	"TR":      "Türkiye",
	kosovo:    "Kosovo",
	worldwide: "Worldwide",
	unknown:   "Unknown country",
}

// typed are the other names people type for a code: common, former and
// ISO 3166-1 names. The shown name, CLDR's name, the alpha-2 and alpha-3
// codes, and the forms with "and" for "&" and "Saint" for "St." are
// added without being listed.
var typed = map[string][]string{
	"AE": {"UAE"},
	"BA": {"Bosnia"},
	"BF": {"Upper Volta"},
	"BJ": {"Dahomey"},
	"BN": {"Brunei Darussalam"},
	"BO": {"Bolivia, Plurinational State of", "Bolivia (Plurinational State of)", "Plurinational State of Bolivia"},
	"BQ": {"Bonaire, Sint Eustatius and Saba", "Bonaire"},
	"BS": {"The Bahamas"},
	"CC": {"Cocos Islands", "Keeling Islands"},
	"CD": {"Congo (DRC)", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
		"Congo, The Democratic Republic of the", "Congo, Democratic Republic of the", "Zaire"},
	"CG": {"Congo (Republic)", "Republic of the Congo", "Republic of Congo", "Congo Republic"},
	"CI": {"Ivory Coast"},
	"CZ": {"Czech Republic"},
	"FK": {"Falkland Islands (Malvinas)", "Falklands"},
	"FM": {"Micronesia, Federated States of", "Micronesia (Federated States of)", "Federated States of Micronesia"},
	"GB": {"UK", "U.K.", "Great Britain", "Britain", "England", "United Kingdom of Great Britain and Northern Ireland"},
	"GM": {"The Gambia"},
	"GS": {"South Georgia and the South Sandwich Islands"},
	"HK": {"Hong Kong SAR China", "Hong Kong SAR", "Hong Kong, China"},
	"HM": {"Heard Island and McDonald Islands"},
	"IR": {"Iran, Islamic Republic of", "Iran (Islamic Republic of)", "Islamic Republic of Iran"},
	"KP": {"Korea, Democratic People's Republic of", "Korea (Democratic People's Republic of)",
		"Democratic People's Republic of Korea", "DPRK"},
	"KR": {"Korea, Republic of", "Korea (Republic of)", "Republic of Korea", "Korea"},
	"LA": {"Lao People's Democratic Republic", "Lao PDR", "Lao"},
	"MD": {"Moldova, Republic of", "Republic of Moldova"},
	"MF": {"Saint Martin (French part)"},
	"MK": {"Macedonia", "Republic of North Macedonia", "The former Yugoslav Republic of Macedonia",
		"Macedonia, the former Yugoslav Republic of", "FYROM"},
	"MM":      {"Burma"},
	"MO":      {"Macao SAR China", "Macau SAR China", "Macau", "Macao SAR", "Macau SAR", "Macao, China"},
	"NL":      {"Holland", "The Netherlands", "Netherlands, Kingdom of the", "Kingdom of the Netherlands"},
	"PN":      {"Pitcairn"},
	"PS":      {"Palestinian Territories", "Palestine, State of", "State of Palestine", "Palestinian Territory"},
	"RU":      {"Russian Federation"},
	"SA":      {"KSA"},
	"SH":      {"Saint Helena, Ascension and Tristan da Cunha"},
	"SX":      {"Sint Maarten (Dutch part)"},
	"SY":      {"Syrian Arab Republic"},
	"SZ":      {"Swaziland", "Kingdom of Eswatini"},
	"TL":      {"East Timor"},
	"TR":      {"Turkey", "Republic of Türkiye"},
	"TW":      {"Taiwan, Province of China"},
	"TZ":      {"Tanzania, United Republic of", "United Republic of Tanzania"},
	"UM":      {"United States Minor Outlying Islands"},
	"US":      {"USA", "United States of America", "America"},
	"VA":      {"Holy See", "Vatican", "Vatican City State", "Holy See (Vatican City State)"},
	"VC":      {"Saint Vincent and the Grenadines", "St. Vincent and the Grenadines"},
	"VE":      {"Venezuela, Bolivarian Republic of", "Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela"},
	"VG":      {"Virgin Islands, British"},
	"VI":      {"Virgin Islands, U.S."},
	"VN":      {"Viet Nam"},
	"VU":      {"New Hebrides"},
	"ZW":      {"Rhodesia"},
	kosovo:    {"Republic of Kosovo", "XKK"},
	worldwide: {"World", "Global", "All", "001"}, // 001: the UN M49 code of the world
	unknown:   {"Unknown", "Unknown region", "Not set"},
}

// A kind is why a code is refused.
type kind int

const (
	withdrawn  kind = iota // it was a country's code and is no more
	reserved               // ISO keeps it for a place that has no code of its own
	notCountry             // it names no country
)

// A refusal is a code, or a place's name, that ParseCountry refuses,
// saying what to use instead.
type refusal struct {
	codes []string // alpha-2 and alpha-3 codes
	names []string // names of the place people may type
	what  string   // what the code stood for, for the message
	kind  kind
	use   []string // the codes to use instead; none for notCountry
}

// refusals are the withdrawn, transitionally and exceptionally reserved
// codes, and codes CLDR knows that are not countries.
var refusals = []refusal{
	{codes: []string{"AN", "ANT"}, names: []string{"Netherlands Antilles"}, what: "Netherlands Antilles", use: []string{"CW", "SX", "BQ"}},
	{codes: []string{"BU", "BUR"}, what: "Burma", use: []string{"MM"}},
	{codes: []string{"CS", "SCG"}, names: []string{"Serbia and Montenegro"}, what: "Serbia and Montenegro", use: []string{"RS", "ME"}},
	{codes: []string{"CSK"}, names: []string{"Czechoslovakia"}, what: "Czechoslovakia", use: []string{"CZ", "SK"}},
	{codes: []string{"CT", "CTE"}, what: "Canton and Enderbury Islands", use: []string{"KI"}},
	{codes: []string{"DD", "DDR"}, names: []string{"East Germany", "German Democratic Republic", "GDR"}, what: "East Germany", use: []string{"DE"}},
	{codes: []string{"DY", "DHY"}, what: "Dahomey", use: []string{"BJ"}},
	{codes: []string{"FQ"}, what: "French Southern and Antarctic Territories", use: []string{"TF", "AQ"}},
	{codes: []string{"FX", "FXX"}, names: []string{"Metropolitan France"}, what: "Metropolitan France", use: []string{"FR"}},
	{codes: []string{"HV", "HVO"}, what: "Upper Volta", use: []string{"BF"}},
	{codes: []string{"JT", "JTN"}, what: "Johnston Island", use: []string{"UM"}},
	{codes: []string{"MI", "MID"}, what: "Midway Islands", use: []string{"UM"}},
	{codes: []string{"NH", "NHB"}, what: "New Hebrides", use: []string{"VU"}},
	{codes: []string{"NQ", "ATN"}, what: "Dronning Maud Land", use: []string{"AQ"}},
	{codes: []string{"NT", "NTZ"}, what: "Neutral Zone", use: []string{"SA", "IQ"}},
	{codes: []string{"PC", "PCI"}, what: "Pacific Islands Trust Territory", use: []string{"FM", "MH", "MP", "PW"}},
	{codes: []string{"PU", "PUS"}, what: "U.S. Miscellaneous Pacific Islands", use: []string{"UM"}},
	{codes: []string{"PZ", "PCZ"}, names: []string{"Panama Canal Zone", "Canal Zone"}, what: "Panama Canal Zone", use: []string{"PA"}},
	{codes: []string{"RH", "RHO"}, what: "Southern Rhodesia", use: []string{"ZW"}},
	{codes: []string{"ROM"}, what: "Romania's alpha-3 code until 2002", use: []string{"RO"}},
	{codes: []string{"SU", "SUN"}, names: []string{"Soviet Union", "USSR"}, what: "Soviet Union",
		use: []string{"RU", "AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "TJ", "TM", "UA", "UZ"}},
	{codes: []string{"TP", "TMP"}, what: "East Timor", use: []string{"TL"}},
	{codes: []string{"VD", "VDR"}, names: []string{"North Vietnam"}, what: "North Vietnam", use: []string{"VN"}},
	{codes: []string{"WK", "WAK"}, what: "Wake Island", use: []string{"UM"}},
	{codes: []string{"YD", "YMD"}, names: []string{"South Yemen"}, what: "South Yemen", use: []string{"YE"}},
	{codes: []string{"YU", "YUG"}, names: []string{"Yugoslavia"}, what: "Yugoslavia", use: []string{"RS", "ME"}},
	{codes: []string{"ZR", "ZAR"}, what: "Zaire", use: []string{"CD"}},

	{codes: []string{"AC", "ASC"}, names: []string{"Ascension Island", "Ascension"}, what: "Ascension Island", kind: reserved, use: []string{"SH"}},
	{codes: []string{"CP", "CPT"}, names: []string{"Clipperton Island"}, what: "Clipperton Island", kind: reserved, use: []string{"FR"}},
	{codes: []string{"CQ"}, names: []string{"Sark"}, what: "Sark", kind: reserved, use: []string{"GG"}},
	{codes: []string{"DG", "DGA"}, names: []string{"Diego Garcia"}, what: "Diego Garcia", kind: reserved, use: []string{"IO"}},
	{codes: []string{"EA"}, names: []string{"Ceuta and Melilla", "Ceuta", "Melilla"}, what: "Ceuta and Melilla", kind: reserved, use: []string{"ES"}},
	{codes: []string{"IC"}, names: []string{"Canary Islands"}, what: "Canary Islands", kind: reserved, use: []string{"ES"}},
	{codes: []string{"TA", "TAA"}, names: []string{"Tristan da Cunha"}, what: "Tristan da Cunha", kind: reserved, use: []string{"SH"}},

	{codes: []string{"EU"}, names: []string{"European Union"}, what: "European Union", kind: notCountry},
	{codes: []string{"EZ"}, names: []string{"Eurozone"}, what: "Eurozone", kind: notCountry},
	{codes: []string{"UN"}, names: []string{"United Nations"}, what: "United Nations", kind: notCountry},
	{codes: []string{"QO"}, what: "Outlying Oceania", kind: notCountry},
	{codes: []string{"XA", "XB"}, what: "a pseudo-locale", kind: notCountry},
}

// officialRegionNames are the UN's names of the M49 regions where CLDR's
// English name differs. The UN's "Micronesia" (057) is left out: it is
// the name of a country (FM), which is what people mean by it; CLDR says
// "Micronesian Region".
var officialRegionNames = map[string]string{
	"035": "South-eastern Asia",
	"053": "Australia and New Zealand",
	"419": "Latin America and the Caribbean",
}

// typedRegions are other names people type for a region.
var typedRegions = map[string][]string{
	"035": {"South East Asia", "SE Asia"},
	"419": {"LATAM", "Latin America & the Caribbean"},
}
