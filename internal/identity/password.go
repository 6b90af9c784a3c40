// Package identity proves who a caller is: argon2id password hashes, the Ed25519 keys
// that sign access tokens, the tokens themselves (JWTs via lestrrat-go/jwx) and the
// JWKS document that lets others verify them. Every user token names its sign-in session
// (the sid claim; see package session), and Verify refuses one without it, so ending a
// session can end every token it issued. It knows nothing about users or storage;
// callers hand it strings and get back claims or *apperr.Error values.
package identity

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Bounds on argon2id parameters. They apply to parameters read back from stored hashes
// too, so a corrupt or hostile hash cannot make Verify panic or allocate unbounded memory.
const (
	maxMemoryKiB  = 1 << 20 // 1 GiB
	maxIterations = 256
	minSaltLength = 8
	maxSaltLength = 256
	minKeyLength  = 16
	maxKeyLength  = 1024
)

// b64 is the PHC string encoding: standard alphabet, no padding, canonical trailing bits.
var b64 = base64.RawStdEncoding.Strict()

// Argon2Params are the argon2id cost parameters. Every hash records the parameters it
// was made with, so changing them only affects new hashes.
type Argon2Params struct {
	Memory      uint32 // in KiB; at least 8 × Parallelism
	Iterations  uint32 // passes over memory; at least 1
	Parallelism uint8  // lanes; at least 1
	SaltLength  uint32 // random salt bytes; at least 8
	KeyLength   uint32 // derived key bytes; at least 16
}

// DefaultArgon2Params returns the OWASP-recommended argon2id configuration
// (19 MiB, 2 iterations, 1 lane) with a 16-byte salt and 32-byte key.
func DefaultArgon2Params() Argon2Params {
	return Argon2Params{Memory: 19456, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

func (p Argon2Params) validate() error {
	switch {
	case p.Parallelism < 1:
		return errors.New("parallelism must be at least 1")
	case p.Memory < 8*uint32(p.Parallelism) || p.Memory > maxMemoryKiB:
		return fmt.Errorf("memory must be between 8×parallelism and %d KiB", maxMemoryKiB)
	case p.Iterations < 1 || p.Iterations > maxIterations:
		return fmt.Errorf("iterations must be between 1 and %d", maxIterations)
	case p.SaltLength < minSaltLength || p.SaltLength > maxSaltLength:
		return fmt.Errorf("salt length must be between %d and %d", minSaltLength, maxSaltLength)
	case p.KeyLength < minKeyLength || p.KeyLength > maxKeyLength:
		return fmt.Errorf("key length must be between %d and %d", minKeyLength, maxKeyLength)
	}
	return nil
}

func (p Argon2Params) key(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, p.Iterations, p.Memory, p.Parallelism, p.KeyLength)
}

// PasswordHasher hashes and verifies passwords with argon2id. It is safe for
// concurrent use.
type PasswordHasher struct {
	params Argon2Params
}

// NewPasswordHasher returns a hasher that makes new hashes with p. Invalid parameters
// are reported by Hash, not here, so construction cannot fail.
func NewPasswordHasher(p Argon2Params) *PasswordHasher {
	return &PasswordHasher{params: p}
}

// Hash returns password's argon2id hash in PHC string format:
// "$argon2id$v=19$m=<KiB>,t=<iter>,p=<par>$<salt>$<hash>". It fails only when the
// hasher's parameters are out of bounds or the system random source fails.
func (h *PasswordHasher) Hash(password string) (string, error) {
	if err := h.params.validate(); err != nil {
		return "", fmt.Errorf("identity: argon2 params: %w", err)
	}
	salt := make([]byte, h.params.SaltLength)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("identity: reading salt: %w", err)
	}
	key := h.params.key(password, salt)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, h.params.Memory, h.params.Iterations, h.params.Parallelism,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches encoded, a hash made by Hash. The cost
// parameters are taken from encoded, so hashes made before a parameter change keep
// verifying. A wrong password is (false, nil); an encoded string that is not a valid
// argon2id PHC string is an error (the stored hash is corrupt, not the caller's input).
func (h *PasswordHasher) Verify(encoded, password string) (bool, error) {
	p, salt, want, err := decodeHash(encoded)
	if err != nil {
		return false, fmt.Errorf("identity: malformed password hash: %w", err)
	}
	got := p.key(password, salt)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// VerifyDummy does the work of a Verify with the hasher's current parameters and
// throws the result away. Login calls it for unknown accounts so that response time
// does not reveal whether an account exists.
func (h *PasswordHasher) VerifyDummy(password string) {
	p := h.params
	if p.validate() != nil {
		p = DefaultArgon2Params()
	}
	salt := make([]byte, p.SaltLength)
	want := make([]byte, p.KeyLength)
	subtle.ConstantTimeCompare(p.key(password, salt), want)
}

// decodeHash parses "$argon2id$v=19$m=M,t=T,p=P$salt$hash" strictly: fixed field order,
// plain decimal numbers, canonical unpadded base64 and parameters within bounds.
func decodeHash(encoded string) (Argon2Params, []byte, []byte, error) {
	var p Argon2Params
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" {
		return p, nil, nil, errors.New("want 5 '$'-separated fields")
	}
	if parts[1] != "argon2id" {
		return p, nil, nil, errors.New("algorithm is not argon2id")
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, errors.New("unsupported argon2 version")
	}
	nums := strings.Split(parts[3], ",")
	if len(nums) != 3 {
		return p, nil, nil, errors.New("want parameters m, t and p")
	}
	m, err1 := parseParam(nums[0], "m=", 32)
	t, err2 := parseParam(nums[1], "t=", 32)
	par, err3 := parseParam(nums[2], "p=", 8)
	if err := errors.Join(err1, err2, err3); err != nil {
		return p, nil, nil, err
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, errors.New("salt is not valid base64")
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil {
		return p, nil, nil, errors.New("hash is not valid base64")
	}
	p = Argon2Params{
		Memory:      uint32(m),
		Iterations:  uint32(t),
		Parallelism: uint8(par),
		SaltLength:  uint32(len(salt)),
		KeyLength:   uint32(len(key)),
	}
	if err := p.validate(); err != nil {
		return p, nil, nil, err
	}
	return p, salt, key, nil
}

// parseParam reads "<prefix><decimal>" into an unsigned integer of the given bit size.
func parseParam(s, prefix string, bits int) (uint64, error) {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok || digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, fmt.Errorf("parameter %q malformed", strings.TrimSuffix(prefix, "="))
	}
	v, err := strconv.ParseUint(digits, 10, bits)
	if err != nil {
		return 0, fmt.Errorf("parameter %q out of range", strings.TrimSuffix(prefix, "="))
	}
	return v, nil
}
