package secretome

import "github.com/openregen/secretomekit/internal/enum"

// EnumError reports a spelling that is not one of an enumeration's values:
// Kind names the enumeration ("tissue"), Value is what was given and
// Allowed lists the accepted spellings. Decoding reports it with the code
// "enum". Every package of the module returns this one type, so a single
// errors.As finds it whatever was being decoded.
type EnumError = enum.Error

// FieldName returns the name of the quantity field the error concerns, so
// that decoders can extend the field path (for example "quantity.unit").
func (e *FieldError) FieldName() string { return e.Field }
