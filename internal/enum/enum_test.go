package enum

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type colour uint8

type verdict uint8

func TestNamesWithUnspelledZero(t *testing.T) {
	n := New[colour]("colour", "", "red", "blue")
	var c colour
	require.NoError(t, n.Unmarshal(&c, []byte("blue")))
	assert.Equal(t, colour(2), c)
	require.NoError(t, n.Unmarshal(&c, nil), "the empty spelling means not given")
	assert.Equal(t, colour(0), c)
	err := n.Unmarshal(&c, []byte("green"))
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, []string{"red", "blue"}, e.Allowed)
	assert.EqualError(t, err, `unknown colour "green" (want one of: red, blue)`)
	assert.False(t, n.Valid(0), "an unspelled zero is not a valid value")
	assert.True(t, n.Valid(2))
	assert.False(t, n.Valid(3))
	assert.Equal(t, "colour(7)", n.Name(7))
	_, err = n.Marshal(7)
	assert.Error(t, err)
}

func TestNamesWithSpelledZero(t *testing.T) {
	n := New[verdict]("verdict", "unknown", "permitted")
	v, err := n.Parse("unknown")
	require.NoError(t, err)
	assert.Equal(t, verdict(0), v)
	_, err = n.Parse("")
	assert.Error(t, err, "the empty spelling is not a value when zero has a word")
	assert.True(t, n.Valid(0))
	assert.Equal(t, []string{"unknown", "permitted"}, n.Values())
}
