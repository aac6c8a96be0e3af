// Package message holds the texts SecretomeKit shows people, in English
// and Bahasa Indonesia, and renders them in the language a caller asks
// for.
//
// A Message is a stable code and typed arguments, never a finished
// sentence: "id.nie.missing" with a Term for the kind of authorisation
// and an Int for a count. Each code has one template per language in the
// catalogue, and each argument renders itself in the language of the
// template: a Term by its display name, a Count with the noun's singular
// or plural, a list with "and" or "dan", a nested Message in the same
// language. Text from a dossier (a product name, a setting as written)
// is a Text and is shown as it is.
//
// # Choosing the language
//
// Functions take a language.Tag from golang.org/x/text/language. Match
// picks the supported language closest to any tag (id, id-ID, ms fall back
// as the matcher decides; anything else gives English), so callers can
// pass the tag they have, such as one parsed from an Accept-Language
// header. The zero Tag (language.Und) means English.
//
// # The catalogue
//
// Every code lives in one table (catalogue.go and the files beside it,
// one per area of the library), with its English and Indonesian template.
// A test fails when a code lacks its Indonesian text or when the two
// templates use different placeholders, so adding a message means adding
// one entry with both texts. Indonesian legal terms are written as the
// instruments use them: izin edar (NIE), CPOB, fasilitas pelayanan
// kesehatan, uji klinik.
//
// # Errors
//
// The errors of the library's value types (an unknown unit or spelling,
// a day that does not exist, a malformed quantity) implement Error: their
// Message is the same text as a code and arguments, and Of gives it for
// any error. The strict decoder's problems (an unknown field, a value of
// the wrong type, a repeated key, a syntax error) are catalogued the same
// way, so a document's problems read in the language asked for from the
// first byte on.
//
// Wording may improve between releases; codes, argument kinds and their
// order are the contract.
package message
